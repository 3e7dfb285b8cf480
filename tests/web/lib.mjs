// lib.mjs: a small harness for rapport's browser tests (playwright-core
// driving Debian's chromium, headless, with no network but loopback).
//
// A test file calls start() to get a fresh database and a running
// `rapport serve` on a free port, then test(name, async fn) for each check,
// and done() at the end. Output is TAP ("ok N - name"), like the shell
// tests, so tests/run counts it the same way. $RAPPORT is the binary.
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const rapport = process.env.RAPPORT;
if (!rapport) {
	console.error("set RAPPORT to the binary under test");
	process.exit(2);
}

let count = 0;
let failed = 0;
let server = null;
let browser = null;
let serverLog = "";
export let dir = null;
export let base = null;
export let key = null; // the sign-in key of the address serve printed
export let env = null;
// Requests that left loopback, and dialogs (alert) a page opened: both must stay empty.
export const offsite = [];
export const dialogs = [];

// The flags a closed network needs: nothing that phones home.
const chromiumArgs = [
	"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
	"--disable-background-networking", "--disable-component-update", "--disable-sync",
	"--disable-default-apps", "--disable-extensions", "--metrics-recording-only",
	"--host-resolver-rules=MAP rebind.example 127.0.0.1",
];

// Run the CLI on the test's database; returns stdout (JSON parsed with --json).
export function cli(...args) {
	const out = execFileSync(rapport, args, { env, encoding: "utf8" });
	return args.includes("--json") ? JSON.parse(out) : out;
}

// RAPPORT_TEST_BACKEND=postgresql (make check-pg-cli, inside the cluster
// tests/pg/cluster starts): a new PostgreSQL database per test file, dropped
// at the end, instead of a SQLite file in the test's folder.
const onPg = process.env.RAPPORT_TEST_BACKEND === "postgresql";
export const backend = onPg ? "postgresql" : "sqlite";
let pgDb = null;

function database() {
	if (!onPg)
		return join(dir, "rapport.db");
	pgDb = "rapport_web_" + dir.replace(/[^A-Za-z0-9]/g, "_").toLowerCase();
	execFileSync("createdb", [pgDb], { stdio: "inherit" });
	return "postgresql:///" + pgDb;
}

export async function start(now = "2026-03-02T09:00") {
	dir = mkdtempSync(join(tmpdir(), "rapport-browser-"));
	mkdirSync(join(dir, "home"));
	env = {
		...process.env, RAPPORT_DB: database(), RAPPORT_NOW: now,
		HOME: join(dir, "home"), XDG_CONFIG_HOME: join(dir, "home", ".config"),
		XDG_DATA_HOME: join(dir, "home", ".local", "share"),
	};
	server = spawn(rapport, ["serve", "--listen", "127.0.0.1:0"], { env, stdio: ["ignore", "pipe", "pipe"] });
	server.stderr.on("data", (d) => { serverLog += d; });
	base = await new Promise((resolve, reject) => {
		let text = "";
		server.stdout.on("data", (d) => {
			text += d;
			const m = text.match(/ on (http:\/\/127\.0\.0\.1:\d+)\/\?key=([0-9a-f]+)/);
			if (m) { key = m[2]; resolve(m[1]); }
		});
		server.on("exit", (code) => reject(new Error("rapport serve exited with " + code)));
	});
	browser = await chromium.launch({
		executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
		args: chromiumArgs,
		downloadsPath: join(dir, "downloads"),
	});
	const context = await browser.newContext({ acceptDownloads: true });
	const page = await context.newPage();
	page.setDefaultTimeout(15000);
	// Any request that leaves loopback is a failure: the UI must be self-contained.
	context.on("request", (r) => {
		const u = new URL(r.url());
		if (!["127.0.0.1", "rebind.example"].includes(u.hostname) && u.protocol !== "data:")
			offsite.push(r.url());
	});
	page.on("dialog", (d) => { dialogs.push(d.message()); d.dismiss(); });
	// signed in as the user is: by opening the address serve printed
	await page.goto(base + "/?key=" + key);
	return { page, context, browser };
}

export async function test(name, fn) {
	count++;
	try {
		await fn();
		console.log(`ok ${count} - ${name}`);
	} catch (e) {
		failed++;
		console.log(`not ok ${count} - ${name}`);
		for (const line of String(e && e.stack || e).split("\n"))
			console.log("#   " + line);
	}
}

export function expect(cond, what) {
	if (!cond)
		throw new Error("expected: " + what);
}

export async function done() {
	await test("no request left the machine and no page opened a dialog", async () => {
		expect(offsite.length === 0, "no offsite request: " + offsite.join(", "));
		expect(dialogs.length === 0, "no dialog: " + dialogs.join(", "));
	});
	if (browser)
		await browser.close();
	let clean = true;
	if (server) {
		const exited = new Promise((resolve) => server.on("exit", (code) => resolve(code)));
		server.kill("SIGTERM");
		const code = await exited;
		count++;
		if (code === 0) {
			console.log(`ok ${count} - the server stopped cleanly`);
		} else {
			failed++;
			clean = false;
			console.log(`not ok ${count} - the server stopped cleanly (exit ${code})`);
			for (const line of serverLog.split("\n"))
				console.log("#   " + line);
		}
	}
	rmSync(dir, { recursive: true, force: true });
	if (pgDb)
		execFileSync("dropdb", ["--force", pgDb], { stdio: "inherit" });
	console.log(`1..${count}`);
	process.exit(failed || !clean ? 1 : 0);
}
