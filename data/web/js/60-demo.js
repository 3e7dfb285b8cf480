/* The sample search's hand-over pages (web/page_demo.c). A browser sends no
 * SameSite=Strict cookie on a navigation that another site started (the
 * sample and the user's server are two sites: localhost and 127.0.0.1), so
 * the page that arrives follows its own link at once, from its own site,
 * and the session cookie goes with it. Without scripts, the link is there
 * to click. */
(function () {
	var a = document.querySelector("a[data-follow]");
	if (a)
		window.location.replace(a.href);
})();
