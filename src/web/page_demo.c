/*
 * page_demo.c: "Explore with a sample search" (issue 24) in the web UI.
 *
 * One click from the user's Today page (GET /demo/open) starts 'rapport
 * demo' as a second server on a port of its own, over its own database
 * (demo.db), and sends the browser there; the user's server and database
 * are not touched, as they serve no page of the sample. The sample is
 * reached by the other loopback name (localhost for 127.0.0.1, and the
 * reverse): a browser keeps cookies by name, not by port, so signing in to
 * the sample does not sign the user out of their own search. Its banner's
 * link leads back to the address the user came from (RAPPORT_DEMO_BACK,
 * which this server gives the sample's). The sample stops with this server.
 *
 * The two names are two sites to a browser, and the session cookie is
 * SameSite=Strict: it is not sent on a navigation another site started,
 * redirects included. So both ways go through a hand-over page that needs
 * no session (/demo/enter into the sample, /demo/back home), which follows
 * its own link from its own site (data/web/js/60-demo.js).
 */
#include "web/pages.h"

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "io/html.h"
#include "method/demo.h"
#include "util/xalloc.h"
#include "web/ui.h"

#define DEMO_BACK_ENV "RAPPORT_DEMO_BACK"
#define DEMO_START_SECONDS 60 /* making the sample takes a second or two */
#define DEMO_URL_MAX 512

/* The sample's server, started by this one: its process and sign-in address. */
static struct {
	pthread_mutex_t lock;
	pid_t pid;
	char url[DEMO_URL_MAX];
} sample = { .lock = PTHREAD_MUTEX_INITIALIZER };

const char *demo_back_url(void)
{
	const char *back = getenv(DEMO_BACK_ENV);

	return back && !strncmp(back, "http://", 7) ? back : NULL;
}

void demo_banner(struct strbuf *sb, const struct web_req *rq)
{
	const char *back = demo_back_url();

	if (!demo_is_marked(rq->store))
		return;
	strbuf_addstr(sb, "<div class=\"demo-banner\"><p><strong>Sample search: not your "
			  "data.</strong> Everyone and everything here is made up, to show what "
			  "rapport does over a few weeks of a search. ");
	if (back) {
		strbuf_addstr(sb, "<a href=\"");
		html_text(sb, back);
		strbuf_addstr(sb, "demo/back\">Back to your own search</a>");
	} else {
		strbuf_addstr(sb, "<a href=\"/demo\">Leave the sample search</a>");
	}
	strbuf_addstr(sb, "</p></div>\n");
}

void demo_offer_link(struct strbuf *sb, const struct web_req *rq)
{
	if (demo_is_marked(rq->store))
		return;
	strbuf_addstr(sb, "<div class=\"demo-offer\"><p>Not ready to put your own search in? "
			  "See what rapport does with a made-up one, kept apart from yours.</p>"
			  "<p><a class=\"button\" href=\"/demo/open\">Explore with a sample "
			  "search</a></p></div>\n");
}

/* The Host header, when it is a plain host[:port] (this server checked the
 * name; the rest is the browser's), as the address to come back to. */
static char *back_address(const struct web_req *rq)
{
	struct strbuf sb = STRBUF_INIT;
	const char *h = rq->host;

	if (!h || !*h || strlen(h) > 200 ||
	    strspn(h, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]") !=
		    strlen(h))
		return NULL;
	strbuf_addf(&sb, "http://%s/", h);
	return strbuf_detach(&sb);
}

/* This process's environment with back as DEMO_BACK_ENV, whose entry goes
 * to *made (the caller frees the array and *made). */
static char **child_environment(const char *back, char **made)
{
	size_t n = 0, k = 0;
	char **env;
	struct strbuf var = STRBUF_INIT;

	while (environ[n])
		n++;
	env = xcalloc(n + 2, sizeof(*env));
	for (size_t i = 0; i < n; i++)
		if (strncmp(environ[i], DEMO_BACK_ENV "=", sizeof(DEMO_BACK_ENV)))
			env[k++] = environ[i];
	strbuf_addf(&var, DEMO_BACK_ENV "=%s", back);
	env[k] = *made = strbuf_detach(&var);
	return env;
}

/* The address in the line 'rapport serve' prints once it listens:
 * "rapport: serving PATH on URL (Ctrl-C stops it)". */
static bool read_served_url(int fd, char *url, size_t urlsz)
{
	char buf[4096];
	size_t len = 0;
	time_t until = time(NULL) + DEMO_START_SECONDS;
	struct pollfd p = { .fd = fd, .events = POLLIN };
	const char *on, *end;
	ssize_t got;

	while (len + 1 < sizeof(buf) && time(NULL) < until && poll(&p, 1, 1000) >= 0) {
		if (!(p.revents & (POLLIN | POLLHUP)))
			continue;
		if ((got = read(fd, buf + len, sizeof(buf) - 1 - len)) <= 0)
			return false; /* it stopped: its error is on this server's stderr */
		len += (size_t)got;
		buf[len] = '\0';
		if (!strchr(buf, '\n'))
			continue;
		on = strstr(buf, " on http://");
		end = on ? strstr(on, " (") : NULL;
		if (!end || (size_t)(end - on - 4) >= urlsz)
			return false;
		memcpy(url, on + 4, (size_t)(end - on - 4));
		url[end - on - 4] = '\0';
		return true;
	}
	return false;
}

/* Start 'rapport demo' on a free port of this machine; its sign-in address
 * into sample.url. Called with sample.lock held. */
static int start_sample(const char *back, struct error *err)
{
	char self[] = "rapport", demo[] = "demo", listen[] = "--listen", any[] = "127.0.0.1:0";
	char *argv[] = { self, demo, listen, any, NULL };
	char *made, **env;
	posix_spawn_file_actions_t fa;
	int out[2], rc;

	if (pipe2(out, O_CLOEXEC))
		return error_set(err, ERR_IO, "cannot start the sample search");
	env = child_environment(back, &made);
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, out[1], STDOUT_FILENO);
	rc = posix_spawn(&sample.pid, "/proc/self/exe", &fa, NULL, argv, env);
	posix_spawn_file_actions_destroy(&fa);
	close(out[1]);
	free(made);
	free(env);
	if (rc || !read_served_url(out[0], sample.url, sizeof(sample.url))) {
		if (!rc)
			kill(sample.pid, SIGTERM);
		sample.pid = 0;
		rc = error_set(err, ERR_IO, "the sample search did not start");
	}
	close(out[0]);
	return rc;
}

/* Whether the sample started before still runs (a stopped one is reaped). */
static bool sample_running(void)
{
	if (sample.pid > 0 && waitpid(sample.pid, NULL, WNOHANG) == 0)
		return true;
	sample.pid = 0;
	return false;
}

/* The sample's sign-in address under the other loopback name than the one
 * the user is on (see the top): its own cookie, theirs kept. */
static void sample_redirect(const struct web_req *rq, struct web_resp *rs)
{
	const char *rest = strncmp(sample.url, "http://127.0.0.1:", 17) ? NULL : sample.url + 16;
	bool on_localhost = rq->host && !strncmp(rq->host, "localhost", 9);

	const char *key = strstr(sample.url, "/?key=");

	if (!key)
		web_redirect(rs, "%s", sample.url);
	else if (rest && !on_localhost)
		web_redirect(rs, "http://localhost%.*s/demo/enter%s", (int)(key - rest), rest,
			     key + 1);
	else
		web_redirect(rs, "%.*s/demo/enter%s", (int)(key - sample.url), sample.url, key + 1);
}

int page_demo_hand_over(struct web_req *rq, struct web_resp *rs)
{
	bool entering = !strcmp(rq->path, "/demo/enter");
	const char *what = entering ? "the sample search" : "your own search";

	ui_page_begin(rs, rq, entering ? "Opening the sample search" : "Back to your search",
		      NAV_NONE);
	strbuf_addf(&rs->body, "<h1>Opening %s</h1>\n<p><a data-follow href=\"/\">Go to %s"
			       "</a></p>\n", what, what);
	ui_page_end(rs);
	return 0;
}

int page_demo_open(struct web_req *rq, struct web_resp *rs)
{
	char *back;
	int rc = 0;

	if (demo_is_marked(rq->store)) { /* in the sample already */
		web_redirect(rs, "/");
		return 0;
	}
	if (!(back = back_address(rq)))
		return error_set(&rq->err, ERR_INVALID, "this server's address is not one the "
				 "sample search can lead back to");
	pthread_mutex_lock(&sample.lock);
	if (!sample_running())
		rc = start_sample(back, &rq->err);
	if (!rc)
		sample_redirect(rq, rs);
	pthread_mutex_unlock(&sample.lock);
	free(back);
	return rc;
}

int page_demo(struct web_req *rq, struct web_resp *rs)
{
	struct strbuf *sb = &rs->body;
	bool in_sample = demo_is_marked(rq->store);

	ui_page_begin(rs, rq, "Sample search", NAV_NONE);
	strbuf_addstr(sb, "<h1>Sample search</h1>\n");
	if (!in_sample) {
		strbuf_addstr(sb, "<p>The sample search is five weeks of a made-up job search: "
				  "interviews, thank-you notes, a silence and the calls after it, a "
				  "rejection, feedback, two offers side by side, and every follow-up "
				  "rapport planned along the way. It opens in a database of its own, "
				  "in a tab of its own; your search here stays exactly as it is.</p>\n");
		demo_offer_link(sb, rq);
	} else if (demo_back_url()) {
		strbuf_addstr(sb, "<p>You are looking at a made-up search. Your own search is "
				  "where you left it.</p>\n<p><a class=\"button\" href=\"");
		html_text(sb, demo_back_url());
		strbuf_addstr(sb, "\">Back to your own search</a></p>\n");
	} else {
		strbuf_addstr(sb, "<p>You are looking at a made-up search, made by "
				  "<code>rapport demo</code>. Your own search is in your own "
				  "database, untouched: close this tab, and run "
				  "<code>rapport serve</code> to open it. Running <code>rapport "
				  "demo</code> again makes the sample afresh.</p>\n");
	}
	ui_page_end(rs);
	return 0;
}
