/*
 * page_insights.c: Insights (/insights): how the search is going, as charts
 * drawn here in SVG, each with its figures in words and in a table: the
 * funnel from applied to offer, interactions per week, the days it takes to
 * get a reply, the opportunities gone silent, and conversion by source.
 * Every figure is one aggregate query of store/insights.c.
 */
#include "web/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "store/insights.h"
#include "web/svg.h"
#include "web/ui.h"

#define WEEKS 12
#define SILENT_DAYS 14   /* the default; ?days= changes it */
#define SILENT_LIST 20   /* the silent opportunities listed */
#define REPLY_LIMIT 1000 /* the latest replies measured */
#define SOURCE_CHART 12  /* sources in the chart (the table has them all) */

/* A count as text, "1,806", for a printf argument. */
#define N(n) text_thousands((n), (char[32]){ 0 })

static const char *const month_names[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

static void day_text(long days, char out[DATE_BUFSZ])
{
	struct datetime dt;

	date_from_days(days, &dt);
	date_format_day(&dt, out);
}

/* "15 Dec" */
static void short_day(long days, char out[DATE_BUFSZ])
{
	struct datetime dt;

	date_from_days(days, &dt);
	snprintf(out, DATE_BUFSZ, "%d %s", dt.day, month_names[dt.month - 1]);
}

/* n as a share of of, in whole percent ("–" when of is 0). */
static void percent(struct strbuf *sb, int64_t n, int64_t of)
{
	if (of <= 0)
		strbuf_addstr(sb, "–");
	else
		strbuf_addf(sb, "%lld%%", (long long)((n * 100 + of / 2) / of));
}

/* A number of days with one decimal, whatever the locale. */
static void days_text(struct strbuf *sb, double d)
{
	long v = (long)(d * 10 + 0.5);

	strbuf_addf(sb, "%ld.%ld", v / 10, v % 10);
}

static void card_begin(struct strbuf *sb, const char *id, const char *title)
{
	strbuf_addf(sb, "<section class=\"card insight\" id=\"%s\" aria-labelledby=\"h-%s\">\n"
			"<h2 id=\"h-%s\">%s</h2>\n",
		    id, id, id, title);
}

/* A card's body: the chart, then its figures in words beside it (under it on a phone). */
static void chart_begin(struct strbuf *sb)
{
	strbuf_addstr(sb, "<div class=\"insight-body\">\n<div class=\"insight-chart\">\n");
}

static void text_begin(struct strbuf *sb)
{
	strbuf_addstr(sb, "</div>\n<div class=\"insight-text\">\n");
}

static void body_end(struct strbuf *sb)
{
	strbuf_addstr(sb, "</div>\n</div>\n");
}

static void details_begin(struct strbuf *sb, const char *caption)
{
	strbuf_addstr(sb, "<details class=\"figures\"><summary>The figures</summary>\n");
	ui_scroll_begin(sb, caption);
	strbuf_addstr(sb, "<table class=\"list\"><caption class=\"visually-hidden\">");
	html_text(sb, caption);
	strbuf_addstr(sb, "</caption>\n");
}

static void details_end(struct strbuf *sb)
{
	strbuf_addstr(sb, "</tbody>\n</table></div></details>\n");
}

/* The end of a card whose figures table closes it: the table, the body, the card. */
static void figures_end(struct strbuf *sb)
{
	details_end(sb);
	body_end(sb);
	strbuf_addstr(sb, "</section>\n");
}

/* A card with nothing to show yet: why (HTML), and the card closed. */
static void card_empty(struct strbuf *sb, const char *why_html)
{
	strbuf_addf(sb, "<p class=\"empty\">%s</p>\n</section>\n", why_html);
}

/* A chart's description in words, for those who cannot see it:
 * "INTRO label1 count1, label2 count2." */
static void chart_desc(struct strbuf *desc, const char *intro, const char *const *labels,
		       const int64_t *counts, int n)
{
	strbuf_addstr(desc, intro);
	for (int i = 0; i < n; i++)
		strbuf_addf(desc, "%s %s %s", i ? "," : "", labels[i], N(counts[i]));
	strbuf_addch(desc, '.');
}

/* ---- the funnel ---- */

static const char *const step_labels[INSIGHTS_STEPS] = { "Applied", "In conversation",
							 "Interviewing", "Offer", "Accepted" };

static int funnel(struct strbuf *sb, struct web_req *rq)
{
	struct insights_funnel f;
	struct strbuf desc = STRBUF_INIT;
	int rc = store_insights_funnel(rq->store, &f, &rq->err);

	if (rc)
		return rc;
	card_begin(sb, "funnel", "From applied to offer");
	if (!f.total) {
		card_empty(sb, "No opportunities yet. <a href=\"/opportunities/new\">Add the first "
			       "one</a>, and move it along as it goes: the funnel counts the "
			       "stages each one reached.");
		return 0;
	}
	chart_desc(&desc, "How many opportunities reached each stage or a later one:",
		   step_labels, f.reached, INSIGHTS_STEPS);
	chart_begin(sb);
	svg_hbars(sb, &(struct svg_chart){ .id = "funnel-chart", .title = "The funnel",
					   .desc = desc.buf, .nrows = INSIGHTS_STEPS,
					   .labels = step_labels, .nseries = 1, .values = f.reached });
	text_begin(sb);
	strbuf_addf(sb, "<p class=\"summary\">Of your %s opportunities, %s got as far as "
			"applying; ",
		    N(f.total), N(f.reached[STEP_APPLIED]));
	percent(sb, f.reached[STEP_INTERVIEWING], f.reached[STEP_APPLIED]);
	strbuf_addstr(sb, " of those reached interviewing and ");
	percent(sb, f.reached[STEP_OFFER], f.reached[STEP_APPLIED]);
	strbuf_addstr(sb, " an offer.</p>\n<p class=\"meta caption\">An opportunity counts at "
			  "every stage up to the furthest it ever reached in its stage history "
			  "(negotiating counts as an offer), even when it skipped one or has "
			  "closed since.</p>\n");
	details_begin(sb, "Opportunities that reached each stage");
	strbuf_addstr(sb, "<thead><tr><th scope=\"col\">Stage</th><th scope=\"col\">Reached</th>"
			  "<th scope=\"col\">Of those who applied</th>"
			  "<th scope=\"col\">Of the stage before</th></tr></thead>\n<tbody>\n");
	for (int i = 0; i < INSIGHTS_STEPS; i++) {
		strbuf_addf(sb, "<tr><th scope=\"row\">%s</th><td>%s</td><td>", step_labels[i],
			    N(f.reached[i]));
		percent(sb, f.reached[i], f.reached[STEP_APPLIED]);
		strbuf_addstr(sb, "</td><td>");
		if (i)
			percent(sb, f.reached[i], f.reached[i - 1]);
		strbuf_addstr(sb, "</td></tr>\n");
	}
	figures_end(sb);
	strbuf_release(&desc);
	return 0;
}

/* ---- activity per week ---- */

static int activity(struct strbuf *sb, struct web_req *rq, long today)
{
	long monday = today - (((today + 3) % 7) + 7) % 7; /* 1970-01-01 was a Thursday */
	long first = monday - 7L * (WEEKS - 1);
	char first_text[DATE_BUFSZ], labels[WEEKS][DATE_BUFSZ];
	const char *label_ptrs[WEEKS];
	int64_t counts[WEEKS], total = 0, best = 0;
	struct strbuf desc = STRBUF_INIT;
	int rc, busiest = -1;

	day_text(first, first_text);
	if ((rc = store_insights_weekly(rq->store, first_text, WEEKS, counts, &rq->err)))
		return rc;
	for (int i = 0; i < WEEKS; i++) {
		short_day(first + 7L * i, labels[i]);
		label_ptrs[i] = labels[i];
		total += counts[i];
		if (counts[i] > best) {
			best = counts[i];
			busiest = i;
		}
	}
	card_begin(sb, "activity", "Interactions per week");
	if (!total) {
		card_empty(sb, "No interactions in the last 12 weeks. Every call, e-mail and "
			       "interview you log on <a href=\"/\">Today</a> counts here.");
		return 0;
	}
	strbuf_addstr(&desc, "Interactions logged in each of the last 12 weeks, oldest first:");
	for (int i = 0; i < WEEKS; i++)
		strbuf_addf(&desc, "%s week of %s %s", i ? "," : "", labels[i],
			    N(counts[i]));
	strbuf_addch(&desc, '.');
	chart_begin(sb);
	svg_columns(sb, &(struct svg_chart){ .id = "activity-chart",
					     .title = "Interactions per week",
					     .desc = desc.buf, .nrows = WEEKS, .labels = label_ptrs,
					     .nseries = 1, .values = counts });
	text_begin(sb);
	strbuf_addf(sb, "<p class=\"summary\">%s interactions in 12 weeks, %s a week on "
			"average; the busiest was the week of %s (%s).</p>\n",
		    N(total), N((total + WEEKS / 2) / WEEKS), labels[busiest],
		    N(best));
	strbuf_addstr(sb, "<p class=\"meta caption\">Weeks start on Monday; the last one is this "
			  "week, so far.</p>\n");
	details_begin(sb, "Interactions logged in each week");
	strbuf_addstr(sb, "<thead><tr><th scope=\"col\">Week of</th>"
			  "<th scope=\"col\">Interactions</th></tr></thead>\n<tbody>\n");
	for (int i = 0; i < WEEKS; i++) {
		char day[DATE_BUFSZ];
		day_text(first + 7L * i, day);
		strbuf_addstr(sb, "<tr><th scope=\"row\">");
		ui_when(sb, day);
		strbuf_addf(sb, "</th><td>%s</td></tr>\n", N(counts[i]));
	}
	figures_end(sb);
	strbuf_release(&desc);
	return 0;
}

/* ---- days to a reply ---- */

static const char *const bucket_labels[INSIGHTS_REPLY_BUCKETS] = {
	"under a day", "1–2 days", "3–6 days", "1–2 weeks", "over 2 weeks"
};

static int replies(struct strbuf *sb, struct web_req *rq, long today)
{
	struct insights_replies r;
	char since[DATE_BUFSZ], until[DATE_BUFSZ];
	struct strbuf desc = STRBUF_INIT;
	int rc;

	day_text(today - 7L * WEEKS, since);
	day_text(today + 1, until);
	if ((rc = store_insights_replies(rq->store, since, until, REPLY_LIMIT, &r, &rq->err)))
		return rc;
	card_begin(sb, "replies", "Days to a reply");
	if (r.n) {
		chart_desc(&desc, "Replies by how long they took:", bucket_labels, r.bucket,
			   INSIGHTS_REPLY_BUCKETS);
		chart_begin(sb);
		svg_columns(sb, &(struct svg_chart){ .id = "replies-chart",
						     .title = "Replies by days waited",
						     .desc = desc.buf,
						     .nrows = INSIGHTS_REPLY_BUCKETS,
						     .labels = bucket_labels, .nseries = 1,
						     .values = r.bucket });
		text_begin(sb);
		strbuf_addstr(sb, "<p class=\"figure\"><span class=\"big\">");
		days_text(sb, r.median);
		strbuf_addf(sb, "</span> days: the median wait for a reply, over %s repl%s.</p>\n",
			    N(r.n), r.n == 1 ? "y" : "ies");
	} else {
		strbuf_addstr(sb, "<p class=\"empty\">No replies to measure in the last 12 weeks. "
				  "Log what you send (who reached out: out) and what comes back "
				  "(in), and this shows how long people take to answer.</p>\n");
	}
	strbuf_addf(sb, "<p class=\"meta caption\">A reply is an inbound interaction in the last "
			"12 weeks (the latest %s at most). Its wait runs from the first thing you "
			"sent since the previous reply to the reply itself, on the same "
			"opportunity, or, for interactions about no opportunity, with the same "
			"person. A reply with nothing sent before it does not count.</p>\n",
		    N(REPLY_LIMIT));
	if (r.n) {
		details_begin(sb, "Replies by days waited");
		strbuf_addstr(sb, "<thead><tr><th scope=\"col\">Waited</th>"
				  "<th scope=\"col\">Replies</th></tr></thead>\n<tbody>\n");
		for (int i = 0; i < INSIGHTS_REPLY_BUCKETS; i++)
			strbuf_addf(sb, "<tr><th scope=\"row\">%s</th><td>%s</td></tr>\n",
				    bucket_labels[i], N(r.bucket[i]));
		details_end(sb);
		body_end(sb);
	}
	strbuf_addstr(sb, "</section>\n");
	strbuf_release(&desc);
	return 0;
}

/* ---- gone silent ---- */

static void days_form(struct strbuf *sb, const struct web_req *rq, long days)
{
	char value[24];
	const char *sent = web_param(&rq->query, "days");

	snprintf(value, sizeof(value), "%ld", days);
	strbuf_addstr(sb, "<form method=\"get\" action=\"/insights#silent\" class=\"days-form\">\n");
	ui_input(sb, rq, "number", "days", "Silent after (days)",
		 web_error_of(rq, "days") && sent ? sent : value, 0);
	strbuf_addstr(sb, "<div class=\"actions\"><button type=\"submit\" class=\"secondary\">"
			  "Show</button></div>\n</form>\n");
}

static int silence(struct strbuf *sb, struct web_req *rq, long today, long days)
{
	struct insights_silence v;
	char quiet_from[DATE_BUFSZ], silent_from[DATE_BUFSZ];
	long half = days / 2 > 0 ? days / 2 : 1;
	struct strbuf desc = STRBUF_INIT, l0 = STRBUF_INIT, l1 = STRBUF_INIT, l2 = STRBUF_INIT;
	int rc;

	/* silent: the latest interaction was `days` days ago or more */
	day_text(today - half + 1, quiet_from);
	day_text(today - days + 1, silent_from);
	if ((rc = store_insights_silence(rq->store, quiet_from, silent_from, SILENT_LIST, &v,
					 &rq->err)))
		return rc;
	card_begin(sb, "silent", "Gone silent");
	if (!v.active) {
		strbuf_addstr(sb, "<p class=\"empty\">No active opportunities (applied, in "
				  "conversation, interviewing, offer or negotiating).</p>\n");
		days_form(sb, rq, days);
		strbuf_addstr(sb, "</section>\n");
		insights_silence_release(&v);
		return 0;
	}
	strbuf_addf(&l0, "under %ld day%s", half, half == 1 ? "" : "s");
	if (half < days - 1)
		strbuf_addf(&l1, "%ld–%ld days", half, days - 1);
	else if (half == days - 1)
		strbuf_addf(&l1, "%ld day%s", half, half == 1 ? "" : "s");
	else
		strbuf_addstr(&l1, "(none)");
	strbuf_addf(&l2, "%ld day%s or more", days, days == 1 ? "" : "s");
	{
		const char *labels[] = { l0.buf, l1.buf, l2.buf };
		const char *classes[] = { "good", "warn", "bad" };
		int64_t values[] = { v.in_touch, v.quiet, v.silent };
		strbuf_addf(&desc, "Active opportunities by days since their latest interaction: "
				   "%s %s, %s %s, %s %s.",
			    l0.buf, N(v.in_touch), l1.buf, N(v.quiet), l2.buf,
			    N(v.silent));
		chart_begin(sb);
		svg_hbars(sb, &(struct svg_chart){ .id = "silent-chart",
						   .title = "Days since the latest interaction",
						   .desc = desc.buf, .nrows = 3, .labels = labels,
						   .nseries = 1, .row_classes = classes, .values = values });
	}
	text_begin(sb);
	strbuf_addf(sb, "<p class=\"figure\"><span class=\"big\">%s</span> of %s active "
			"opportunit%s had no interaction for %ld day%s or more.</p>\n",
		    N(v.silent), N(v.active), v.active == 1 ? "y has" : "ies have", days,
		    days == 1 ? "" : "s");
	strbuf_addstr(sb, "<p class=\"meta caption\">Active: applied, in conversation, "
			  "interviewing, offer or negotiating. An opportunity with no interaction "
			  "at all counts from the day it was added.</p>\n");
	days_form(sb, rq, days);
	body_end(sb);
	if (v.list.n) {
		ui_scroll_begin(sb, "The silent opportunities");
		strbuf_addstr(sb, "<table class=\"list silent-list\"><caption>");
		if ((int64_t)v.list.n < v.silent)
			strbuf_addf(sb, "The %zu that went quiet most recently", v.list.n);
		else
			strbuf_addstr(sb, "Silent, the most recently quiet first");
		strbuf_addstr(sb, "</caption>\n<thead><tr><th scope=\"col\">Opportunity</th>"
				  "<th scope=\"col\">Stage</th><th scope=\"col\">Latest interaction</th>"
				  "<th scope=\"col\">Days</th></tr></thead>\n<tbody>\n");
		for (size_t i = 0; i < v.list.n; i++) {
			const struct silent_opp *o = &v.list.items[i];
			struct datetime dt;
			struct error e = ERROR_INIT;
			long ago = 0;
			if (!date_parse_iso(o->last, &dt, &e))
				ago = today - date_to_days(&dt);
			strbuf_addstr(sb, "<tr><td>");
			ui_opp_link(sb, &o->opp);
			strbuf_addstr(sb, "</td><td>");
			html_text(sb, (int)o->stage >= 0 ? enum_name(&stage_def, (int)o->stage) : "?");
			strbuf_addstr(sb, "</td><td>");
			if (o->never)
				strbuf_addstr(sb, "none; added ");
			ui_when(sb, o->last);
			strbuf_addf(sb, "</td><td>%ld</td></tr>\n", ago);
		}
		strbuf_addstr(sb, "</tbody></table>\n</div>\n");
	}
	strbuf_addstr(sb, "</section>\n");
	strbuf_release(&desc);
	strbuf_release(&l0);
	strbuf_release(&l1);
	strbuf_release(&l2);
	insights_silence_release(&v);
	return 0;
}

/* ---- conversion by source ---- */

static const char *const source_series[] = { "opportunities", "reached interviewing",
					      "reached an offer" };

/* The source that most often leads to an interview, among those with a few
 * opportunities (a share of one is no pattern). */
#define SOURCE_MIN 3

static void best_source(struct strbuf *sb, const source_row_vec *v)
{
	const struct source_row *best = NULL;

	for (size_t i = 0; i < v->n; i++) {
		const struct source_row *r = &v->items[i];
		if (!r->source || r->total < SOURCE_MIN || !r->interviewing)
			continue;
		if (!best || r->interviewing * best->total > best->interviewing * r->total)
			best = r;
	}
	if (!best) {
		strbuf_addf(sb, "<p class=\"summary\">Once a source has %d opportunities or more, "
				"the one that leads most often to an interview shows here.</p>\n",
			    SOURCE_MIN);
		return;
	}
	strbuf_addstr(sb, "<p class=\"summary\">Most often leading to an interview: <strong>");
	html_text(sb, best->source);
	strbuf_addstr(sb, "</strong>, ");
	percent(sb, best->interviewing, best->total);
	strbuf_addf(sb, " of its %s opportunities.</p>\n", N(best->total));
}

static int sources(struct strbuf *sb, struct web_req *rq)
{
	source_row_vec v;
	struct strbuf desc = STRBUF_INIT;
	size_t n;
	int rc = store_insights_sources(rq->store, &v, &rq->err);

	if (rc)
		return rc;
	card_begin(sb, "sources", "Conversion by source");
	if (!v.n) {
		card_empty(sb, "No opportunities yet. Note where each one came from (a referral, "
			       "a job board, a recruiter) to see which sources lead to interviews.");
		return 0;
	}
	n = v.n < SOURCE_CHART ? v.n : SOURCE_CHART;
	{
		const char **labels = xcalloc(n, sizeof(*labels));
		int64_t *values = xcalloc(n * 3, sizeof(*values));
		strbuf_addstr(&desc, "Opportunities per source, and how many reached interviewing "
				     "and an offer:");
		for (size_t i = 0; i < n; i++) {
			const struct source_row *r = &v.items[i];
			labels[i] = r->source ? r->source : "(no source)";
			values[i * 3] = r->total;
			values[i * 3 + 1] = r->interviewing;
			values[i * 3 + 2] = r->offer;
			strbuf_addf(&desc, "%s %s %s, %s, %s", i ? ";" : "", labels[i],
				    N(r->total), N(r->interviewing),
				    N(r->offer));
		}
		strbuf_addch(&desc, '.');
		chart_begin(sb);
		svg_hbars(sb, &(struct svg_chart){ .id = "sources-chart",
						   .title = "Conversion by source", .desc = desc.buf,
						   .nrows = n, .labels = labels, .nseries = 3,
						   .series = source_series, .values = values });
		free(labels);
		free(values);
	}
	text_begin(sb);
	best_source(sb, &v);
	if (n < v.n)
		strbuf_addf(sb, "<p class=\"meta\">The chart shows the %zu largest sources; the "
				"table has all %zu.</p>\n",
			    n, v.n);
	strbuf_addstr(sb, "<p class=\"meta caption\">Sources are grouped as typed, ignoring "
			  "case. Reached: at that stage or a later one, at any time.</p>\n");
	body_end(sb);
	ui_scroll_begin(sb, "Every source");
	strbuf_addstr(sb, "<table class=\"list sources-table\"><caption>"
			  "Every source</caption>\n<thead><tr><th scope=\"col\">Source</th>"
			  "<th scope=\"col\">Opportunities</th><th scope=\"col\">Interviewing</th>"
			  "<th scope=\"col\">Offer</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < v.n; i++) {
		const struct source_row *r = &v.items[i];
		strbuf_addstr(sb, "<tr><th scope=\"row\">");
		if (r->source)
			html_text(sb, r->source);
		else
			strbuf_addstr(sb, "<span class=\"muted\">(no source)</span>");
		strbuf_addf(sb, "</th><td>%s</td><td>%s (", N(r->total),
			    N(r->interviewing));
		percent(sb, r->interviewing, r->total);
		strbuf_addf(sb, ")</td><td>%s (", N(r->offer));
		percent(sb, r->offer, r->total);
		strbuf_addstr(sb, ")</td></tr>\n");
	}
	strbuf_addstr(sb, "</tbody></table>\n</div>\n</section>\n");
	strbuf_release(&desc);
	source_row_vec_release(&v);
	return 0;
}

int page_insights(struct web_req *rq, struct web_resp *rs)
{
	struct strbuf *sb = &rs->body;
	long today = date_to_days(store_now(rq->store)), days = SILENT_DAYS;
	const char *sent = web_param(&rq->query, "days");
	struct error e = ERROR_INIT;
	char now[DATE_BUFSZ];
	int rc;

	if (sent && *sent && text_parse_int("days", sent, 1, 3650, &days, &e)) {
		web_field_error(rq, "days", "%s", e.msg);
		days = SILENT_DAYS;
	}
	if (rq->errors.n)
		rs->status = 400;
	date_format_day(store_now(rq->store), now);
	ui_page_begin(rs, rq, "Insights", NAV_INSIGHTS);
	strbuf_addstr(sb, "<div class=\"page-head\"><h1>Insights</h1><p class=\"meta\">As of ");
	ui_when(sb, now);
	strbuf_addstr(sb, "</p></div>\n<div class=\"insights\">\n");
	if ((rc = funnel(sb, rq)) || (rc = activity(sb, rq, today)) ||
	    (rc = replies(sb, rq, today)) || (rc = silence(sb, rq, today, days)) ||
	    (rc = sources(sb, rq)))
		return rc;
	strbuf_addstr(sb, "</div>\n");
	ui_page_end(rs);
	return 0;
}
