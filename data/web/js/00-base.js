/* rapport's web UI works without this script; it only adds shortcuts and
 * conveniences. Page scripts follow, one file each, in data/web/js/. */
"use strict";
(function () {
	/* Keyboard: "/" to search, "g" then a letter to go to a page. */
	var go = { t: "/", p: "/pipeline", e: "/people", o: "/orgs", w: "/wants",
		q: "/questions", f: "/offers/compare", i: "/insights", s: "/settings" };
	var pending = false;
	document.addEventListener("keydown", function (ev) {
		var tag = (ev.target && ev.target.tagName) || "";
		if (ev.ctrlKey || ev.metaKey || ev.altKey || /INPUT|TEXTAREA|SELECT/.test(tag))
			return;
		if (ev.key === "/") {
			var q = document.getElementById("top-q");
			if (q) { ev.preventDefault(); q.focus(); }
		} else if (pending && go[ev.key]) {
			window.location.href = go[ev.key];
		}
		pending = ev.key === "g";
	});

	/* A button with data-copy="ID" copies the text of element ID. It comes
	 * hidden (it does nothing without this script) and is shown here. */
	document.querySelectorAll("[data-copy][hidden]").forEach(function (b) {
		if (navigator.clipboard) b.hidden = false;
	});
	document.addEventListener("click", function (ev) {
		var b = ev.target.closest && ev.target.closest("[data-copy]");
		if (!b) return;
		var el = document.getElementById(b.getAttribute("data-copy"));
		if (!el || !navigator.clipboard) return;
		navigator.clipboard.writeText(el.innerText).then(function () {
			var old = b.textContent;
			b.textContent = "Copied";
			setTimeout(function () { b.textContent = old; }, 1500);
		});
	});
})();

/* Inline updates: Done, Skip and Snooze on a follow-up post in the
 * background and take the follow-up off the list, without reloading the
 * page; the Undo the server offers on the page it answers with is put at
 * the top of this one. Any failure falls back to the plain form post. */
(function () {
	function showUndo(html) {
		var doc = new DOMParser().parseFromString(html, "text/html");
		var notice = doc.querySelector("form.notice.undo");
		var main = document.querySelector("main");
		if (!notice || !main)
			return;
		main.querySelectorAll(".notice").forEach(function (n) { n.remove(); });
		main.insertBefore(document.importNode(notice, true), main.firstChild);
	}
	document.addEventListener("submit", function (ev) {
		var form = ev.target;
		var item = form.closest && form.closest("li.task");
		if (!item || !form.classList.contains("inline") || !window.fetch)
			return;
		ev.preventDefault();
		fetch(form.action, {
			method: "POST", credentials: "same-origin",
			body: new URLSearchParams(new FormData(form)),
		}).then(function (r) {
			if (!r.ok)
				throw new Error(r.status);
			return r.text();
		}).then(function (html) {
			var list = item.parentNode, section = item.closest("section");
			item.remove();
			var count = section && section.querySelector("h2 .count");
			if (count && list)
				count.textContent = list.querySelectorAll("li.task").length;
			showUndo(html);
		}).catch(function () {
			form.submit();
		});
	});
})();
