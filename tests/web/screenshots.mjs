// screenshots.mjs: the README's pictures of Today and the Pipeline, taken
// from a small search made with the command line (not a test: run it with
//   cd tests/web && RAPPORT=../../build/rapport node screenshots.mjs).
import { start, cli, base, done } from "./lib.mjs";

const { page } = await start("2026-03-09T09:00");
const on = (day, ...args) => {
	process.env.RAPPORT_NOW = day;
	return cli(...args);
};
cli("want", "add", "A team that ships every week", "--weight", "4", "--category", "team");
cli("want", "add", "Own the data platform", "--weight", "5", "--must", "--category", "scope");
cli("opp", "add", "Northwind Analytics", "Data Lead", "--slug", "northwind", "--level", "lead",
	"--salary-target", "95k", "--source", "referral");
cli("opp", "add", "Harbour Health", "Head of Data", "--slug", "harbour", "--source", "job board");
cli("opp", "add", "Bluebird Logistics", "Analytics Manager", "--slug", "bluebird");
cli("opp", "add", "Copperleaf Energy", "Senior Data Engineer", "--slug", "copperleaf");
cli("opp", "add", "Meridian Bank", "Data Platform Lead", "--slug", "meridian");
cli("opp", "move", "northwind", "interviewing");
cli("opp", "move", "harbour", "conversation");
cli("opp", "move", "bluebird", "applied");
cli("opp", "move", "meridian", "offer");
cli("person", "add", "Hiring Manager", "--org", "Northwind Analytics", "--title", "VP Data", "--rapport", "4");
cli("person", "add", "Team Lead", "--org", "Northwind Analytics", "--title", "Staff Engineer", "--rapport", "5");
cli("person", "add", "Recruiter", "--org", "Harbour Health", "--title", "Talent Partner", "--rapport", "3");
cli("opp", "link", "northwind", "Hiring Manager", "--role", "hiring-manager");
cli("log", "interview", "Second interview: the platform roadmap", "--with", "Hiring Manager",
	"--with", "Team Lead", "--opp", "northwind", "--at", "2026-03-06T14:00", "--chemistry", "4");
cli("log", "call", "First call about the role", "--with", "Recruiter", "--opp", "harbour",
	"--at", "2026-03-02T11:00");
cli("task", "add", "Send the portfolio link", "--due", "2026-03-08", "--kind", "email",
	"--with", "Recruiter", "--opp", "harbour");
cli("want", "mark", "northwind", "1", "met");
cli("want", "mark", "northwind", "2", "partly");
await page.setViewportSize({ width: 1366, height: 860 });
await page.goto(base + "/");
await page.screenshot({ path: "../../docs/screenshots/today.png" });
await page.goto(base + "/pipeline");
await page.screenshot({ path: "../../docs/screenshots/pipeline.png" });
// the Inbox: three messages from tests/cli/inbox, read by mail import
cli("config", "email", "me@example.org");
cli("opp", "add", "Quartz Data", "Data Engineer", "--slug", "quartz", "--stage", "interviewing");
cli("opp", "add", "Harbor Analytics", "Analytics Lead", "--slug", "harbor", "--stage", "applied");
const personId = (out) => out.match(/person (\d+)/)[1];
const qm = personId(cli("person", "add", "Hiring Manager", "--org", "Quartz Data", "--email",
	"hm@quartz.example.com"));
const hl = personId(cli("person", "add", "Team Lead", "--org", "Harbor Analytics", "--email",
	"lead@harbor.example.com"));
cli("opp", "link", "quartz", qm, "--role", "hiring-manager");
cli("opp", "link", "harbor", hl, "--role", "peer");
cli("mail", "import", "../cli/inbox/reject-en.eml", "../cli/inbox/interview.eml",
	"../cli/inbox/info-request.eml");
await page.goto(base + "/inbox");
await page.screenshot({ path: "../../docs/screenshots/inbox.png", fullPage: true });
await done();
