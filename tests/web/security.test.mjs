// The web UI against a hostile world: notes and names that try to run
// script, a page on another origin that posts a forged form, and a name
// rebound to 127.0.0.1 (DNS rebinding).
import http from "node:http";
import { start, test, expect, cli, done, base, key } from "./lib.mjs";

const { page, browser } = await start();

const hostileName = '"><img src=x onerror="window.__pwned=1">';
const hostileNote = "<script>window.__pwned=2</script>\n\n[click](javascript:window.__pwned=3)";
cli("opp", "add", "Hostile <b>Org</b>", "<script>window.__pwned=4</script>", "--slug", "hostile",
	"--notes", hostileNote);
cli("person", "add", hostileName, "--org", "Hostile <b>Org</b>", "--notes", hostileNote);
cli("log", "interview", "<script>window.__pwned=5</script>", "--with", "1", "--opp", "hostile",
	"--notes", hostileNote);

await test("Today shows hostile names and titles as text, and runs none of them", async () => {
	const r = await page.goto(base + "/");
	expect(r.status() === 200, "status 200, got " + r.status());
	const text = await page.textContent("main");
	expect(text.includes("<script>window.__pwned=4</script>"), "the title shown as text");
	expect(await page.evaluate(() => window.__pwned) === undefined, "no script ran");
	expect(await page.locator("main img").count() === 0, "no injected image");
});

await test("the script the page loads is rapport's own (CSP allows no inline script)", async () => {
	const srcs = await page.$$eval("script", (s) => s.map((e) => e.getAttribute("src")));
	expect(srcs.every((s) => s && s.startsWith("/static/")), "scripts: " + srcs.join(","));
});

await test("a forged POST from a page on another origin is refused and changes nothing", async () => {
	const before = cli("--json", "search", "forged").length;
	const target = base + "/log";
	const evil = http.createServer((req, res) => {
		res.setHeader("Content-Type", "text/html");
		res.end(`<form id=f method=post action="${target}">
			<input name=kind value=call><input name=summary value=forged>
			<input name=csrf value=guess></form>
			<script>document.getElementById("f").submit()</script>`);
	});
	await new Promise((r) => evil.listen(0, "127.0.0.1", r));
	const port = evil.address().port;
	const done403 = page.waitForResponse((r) => r.url() === target);
	await page.goto(`http://127.0.0.1:${port}/`);
	const resp = await done403;
	evil.close();
	expect(resp.status() === 403, "status 403, got " + resp.status());
	expect(cli("--json", "search", "forged").length === before, "nothing logged");
});

await test("a browser without the key gets the sign-in page; the printed address lets it in", async () => {
	const other = await browser.newContext();
	const p = await other.newPage();
	let r = await p.goto(base + "/people");
	expect(r.status() === 401, "status 401, got " + r.status());
	expect(await p.textContent("h1") === "Sign in", "the sign-in page");
	expect(!(await p.content()).includes("Hostile"), "nothing of the search on it");
	r = await p.goto(base + "/people?key=" + key);
	expect(r.status() === 200, "status 200, got " + r.status());
	expect(p.url() === base + "/people", "the key is gone from the address: " + p.url());
	expect(await p.textContent("h1") === "People", "the page asked for");
	await other.close();
});

await test("a name rebound to 127.0.0.1 gets 421", async () => {
	const port = new URL(base).port;
	const r = await page.goto(`http://rebind.example:${port}/`);
	expect(r.status() === 421, "status 421, got " + r.status());
});

await done();
