// The Inbox reads mail in a real browser (issue 19), against a real dovecot
// started on loopback by tests/cli/dovecot-lib.sh (a throwaway config, a
// passwd-file user, a Maildir of messages written for the project): the
// wrong password is one message on the page and logs nothing; Check mail
// logs the mail and shows what it read and proposed; a mail file chosen in
// the form is read and its proposals shown. Skipped without dovecot.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { start, test, expect, done, base, cli, dir } from "./lib.mjs";

const have = (cmd) => {
	try {
		execFileSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" });
		return true;
	} catch {
		return false;
	}
};
if (!have("dovecot")) {
	console.log("# skipped: dovecot is not installed (sh scripts/install-deps --mail)");
	console.log("1..0");
	process.exit(0);
}

const inbox = new URL("../cli/inbox/", import.meta.url).pathname;
// dovecot, as the shell tests start it, in a folder of its own, before the
// server (a dovecot that does not start leaves nothing running). It runs on
// after the shell ends (its master process is a daemon; the library's exit
// trap, which would stop it, is lifted), its output in a file (a pipe would
// be held open), and is stopped, its folder removed, when this file ends.
const dvRoot = mkdtempSync(join(tmpdir(), "rapport-dovecot-"));
const dv = join(dvRoot, "dovecot");
const dvLib = new URL("../cli/dovecot-lib.sh", import.meta.url).pathname;
const stopDovecot = () => {
	// the library's own stop: it waits until dovecot is gone, then the folder goes
	execFileSync("sh", ["-c", '. "$2" && trap - EXIT && dovecot_stop', "stop", dv, dvLib],
		{ env: { ...process.env, DV: dv }, stdio: "ignore" });
	rmSync(dvRoot, { recursive: true, force: true });
};
process.on("exit", stopDovecot);
const imapsPort = execFileSync("sh", ["-c", `
	TEST_DIR=$1 DV=$1/dovecot PASSWORD=fennel-quartz-5120-browser INBOX=$2
	mailboxes() {
		maildir_folders "" "/.Sent Items" &&
		cp "$INBOX/reject-en.eml" "$DV/mail/seeker/Maildir/cur/1773000000.M1P1.test:2," &&
		cp "$INBOX/interview.eml" "$DV/mail/seeker/Maildir/cur/1773000100.M2P2.test:2,"
	}
	. "$3" && trap - EXIT &&
	dovecot_start >"$1/dovecot.out" 2>&1 && echo "$IMAPS_PORT"`,
	"dovecot", dvRoot, inbox, dvLib],
	{ encoding: "utf8" }).trim();

const { page } = await start("2026-03-12T09:00");
cli("config", "email", "me@example.org");
cli("opp", "add", "Quartz Data", "Data Engineer", "--slug", "quartz", "--stage", "interviewing");
cli("opp", "add", "Harbor Analytics", "Analytics Lead", "--slug", "harbor", "--stage", "applied");
cli("person", "add", "Hiring Manager", "--org", "Quartz Data", "--email", "hm@quartz.example.com");
cli("person", "add", "Team Lead", "--org", "Harbor Analytics", "--email", "lead@harbor.example.com");
for (const [name, value] of [["mail.imap-url", `imaps://localhost:${imapsPort}`],
	["mail.user", "seeker"], ["mail.password-command", `cat ${dv}/wrong`],
	["mail.ca-file", `${dv}/cert.pem`]])
	cli("config", name, value);
// the e-mails logged with the two people
const emails = () => ["Hiring Manager", "Team Lead"].reduce((n, who) =>
	n + cli("--json", "person", "show", who).interactions.length, 0);

await test("the wrong password: one message on the Inbox, nothing logged", async () => {
	await page.goto(base + "/inbox");
	const [r] = await Promise.all([page.waitForNavigation(), page.click("text=Check mail")]);
	expect(r.status() === 502, `the page answers 502: ${r.status()}`);
	const alert = await page.textContent("[role=alert]");
	expect(/Your mail was not read: the mail server refused to sign in 'seeker'/.test(alert),
		`the reason on the page: ${alert}`);
	expect(emails() === 0, "nothing logged");
});

await test("Check mail: the mail logged, what it read and proposed shown", async () => {
	cli("config", "mail.password-command", `cat ${dv}/secret`);
	await page.goto(base + "/inbox");
	await Promise.all([page.waitForNavigation(), page.click("text=Check mail")]);
	const notice = await page.textContent("p.notice[role=status]");
	expect(notice.includes("Mail checked: 2 messages read: 2 e-mails logged, 2 proposals."),
		`the summary: ${notice}`);
	expect(await page.isVisible("text=A rejection"), "the rejection proposed");
	expect(await page.isVisible("text=An interview invitation"), "the invitation proposed");
	expect(emails() === 2, "two e-mails logged");
});

await test("a mail file chosen in the form: read, its proposal shown", async () => {
	const mbox = join(dir, "replies.mbox");
	writeFileSync(mbox, "From lead@harbor.example.com Wed Mar 11 10:00:00 2026\n" +
		readFileSync(join(inbox, "info-request.eml"), "utf8") + "\n");
	await page.goto(base + "/inbox");
	await page.setInputFiles("#mail-file", mbox);
	await Promise.all([page.waitForNavigation(), page.click("text=Read the file")]);
	const result = await page.textContent("div.notice[role=status]");
	expect(result.includes("replies.mbox: 1 message read: 1 e-mail logged, 1 proposal."),
		`the result: ${result}`);
	expect(await page.isVisible("text=A request for information"), "the request proposed");
});

await done();
