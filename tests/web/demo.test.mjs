// The sample search in a browser (issue 24): one click on a young search's
// Today page opens the sample on a server of its own, every page of it
// says it is not the user's data and passes axe at 1366 and 390 px, and its
// "Back to your own search" returns to the user's server still signed in.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { start, test, expect, done, base, key, offsite } from "./lib.mjs";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const banner = "Sample search: not your data";

const { page, browser } = await start("2026-03-09T09:00");
let sample = null; // the sample's address, http://localhost:PORT

await test("a young search's Today offers the sample, and one click opens it", async () => {
	await page.goto(base + "/");
	expect(!(await page.content()).includes(banner), "no banner on the user's Today");
	await page.getByRole("link", { name: "Explore with a sample search" }).click();
	await page.waitForURL(/^http:\/\/localhost:\d+\/$/, { timeout: 60000 });
	sample = new URL(page.url()).origin;
	expect(sample !== base, "the sample is on a server of its own");
	await page.getByText(banner).waitFor();
});

// axe's violations on the page p is on (evaluated through the DevTools
// protocol, in a context that bypasses the CSP, as a11y.test.mjs does).
async function violations(p) {
	return p.evaluate(async (src) => {
		if (!window.axe)
			(0, eval)(src);
		const r = await window.axe.run(document, { resultTypes: ["violations"] });
		return r.violations.map((x) => x.id + ": " + x.nodes.map((n) => n.target.join(" ")).join(", "));
	}, axeSource);
}

// Each path of origin at 1366 and 390 px: 200, axe clean, and the banner
// there when withBanner, else not.
async function checkPages(p, origin, paths, withBanner) {
	for (const width of [1366, 390]) {
		await p.setViewportSize({ width, height: width > 600 ? 900 : 844 });
		for (const path of paths) {
			const r = await p.goto(origin + path);
			expect(r.status() === 200, `status of ${path}: ${r.status()}`);
			expect((await p.content()).includes(banner) === withBanner,
				`the banner ${withBanner ? "on" : "not on"} ${origin}${path}`);
			const v = await violations(p);
			expect(v.length === 0, `no axe violation on ${path} at ${width} px: ${v.join("; ")}`);
		}
	}
}

await test("the offer, and the sample's pages with their banner, pass axe at 1366 and 390 px", async () => {
	// signed in to each server by its own address, as a person would: the
	// user's printed one, then the user's way into the sample
	const context = await browser.newContext({ bypassCSP: true });
	const p = await context.newPage();
	await p.goto(base + "/?key=" + key);
	await checkPages(p, base, ["/", "/demo"], false);
	await p.goto(base + "/demo/open");
	await p.waitForURL(/^http:\/\/localhost:\d+\/$/);
	await checkPages(p, sample, ["/", "/pipeline", "/opportunities/northwind", "/offers/compare", "/demo"], true);
	await context.close();
});

await test("Back to your own search returns to the user's server, signed in, without the banner", async () => {
	await page.goto(sample + "/pipeline");
	await page.getByRole("link", { name: "Back to your own search" }).click();
	await page.waitForURL(base + "/");
	await page.getByRole("heading", { name: "Today", level: 1 }).waitFor();
	expect(!(await page.content()).includes(banner), "no banner back home");
});

// The sample is on this machine: "localhost" is its loopback name, chosen
// so that its cookie is not the user's server's (web/page_demo.c).
for (let i = offsite.length - 1; i >= 0; i--)
	if (new URL(offsite[i]).hostname === "localhost")
		offsite.splice(i, 1);
await done();
