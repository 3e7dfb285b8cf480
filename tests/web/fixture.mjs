// fixture.mjs: a job search after a few weeks, made with the command line:
// organisations, people, opportunities in several stages, interactions,
// follow-ups overdue, due today and upcoming, wants with their marks, a
// question, two offers (one negotiated), a debrief and feedback. Dated for
// a server started at 2026-03-09T09:00. Returns the ids the pages need.
import { cli } from "./lib.mjs";

export function fillSearch() {
	const at = (when, ...args) => cli(...args, "--at", when);
	cli("config", "name", "Job Seeker");
	cli("config", "signature", "Job Seeker\n+44 7700 900123");
	cli("want", "add", "A team that ships every week", "--weight", "4", "--category", "team");
	cli("want", "add", "Own the data platform", "--weight", "5", "--must", "--category", "scope");
	cli("want", "add", "At least 90k base", "--weight", "3", "--category", "compensation");
	cli("want", "add", "Two days a month in the office at most", "--weight", "2", "--category", "work-pattern");
	cli("org", "add", "Northwind Analytics", "--website", "https://northwind-analytics.example/careers/data-platform-leadership-opportunities",
		"--location", "Leeds", "--notes", "Series B; **good** reviews from friends who work there.");
	cli("opp", "add", "Northwind Analytics", "Data Lead", "--slug", "northwind", "--level", "lead",
		"--salary-target", "95k", "--salary-range", "85k-100k", "--source", "referral",
		"--url", "https://jobs.northwind-analytics.example/openings/2026/data-lead-platform-and-analytics-engineering");
	cli("opp", "add", "Harbour Health", "Head of Data", "--slug", "harbour", "--source", "job board", "--salary-target", "110000");
	cli("opp", "add", "Bluebird Logistics", "Analytics Manager", "--slug", "bluebird", "--level", "manager");
	cli("opp", "add", "Copperleaf Energy", "Senior Data Engineer", "--slug", "copperleaf");
	cli("opp", "add", "Meridian Bank", "Data Platform Lead", "--slug", "meridian", "--level", "lead", "--salary-target", "100k");
	cli("opp", "add", "Oakridge Retail", "BI Lead", "--slug", "oakridge");
	cli("opp", "move", "harbour", "conversation");
	cli("opp", "move", "bluebird", "applied");
	cli("opp", "move", "oakridge", "rejected", "--note", "went with an internal candidate");
	cli("person", "add", "Data VP", "--org", "Northwind Analytics", "--title", "VP Data", "--rapport", "4",
		"--email", "data.vp@northwind-analytics.example", "--cadence", "30", "--tag", "hiring");
	cli("person", "add", "Platform Engineer", "--org", "Northwind Analytics", "--title", "Staff Engineer", "--rapport", "5");
	cli("person", "add", "Talent Partner", "--org", "Harbour Health", "--title", "Talent Partner", "--rapport", "3");
	cli("person", "add", "Engineering Director", "--org", "Meridian Bank", "--title", "Director of Engineering", "--rapport", "4");
	cli("person", "add", "Energy Manager", "--org", "Copperleaf Energy", "--title", "Engineering Manager");
	cli("opp", "link", "northwind", "Data VP", "--role", "hiring-manager");
	cli("opp", "link", "meridian", "Engineering Director", "--role", "hiring-manager");
	at("2026-03-02T14:00", "log", "interview", "First interview: the platform roadmap", "--with", "Data VP",
		"--with", "Platform Engineer", "--opp", "northwind", "--chemistry", "4", "--notes", "They ship weekly; on-call is shared.");
	at("2026-03-04T11:00", "log", "call", "First call about the role", "--with", "Talent Partner", "--opp", "harbour");
	at("2026-02-20T10:00", "log", "interview", "Panel interview", "--with", "Engineering Director", "--opp", "meridian", "--chemistry", "5");
	at("2026-03-05T09:30", "log", "email", "Sent the case study", "--with", "Energy Manager", "--opp", "copperleaf", "--out");
	cli("task", "add", "Send the portfolio link", "--due", "2026-03-06", "--kind", "email", "--with", "Talent Partner", "--opp", "harbour");
	cli("task", "add", "Call the director about the start date", "--due", "2026-03-09", "--kind", "call", "--with", "Engineering Director", "--opp", "meridian");
	cli("task", "add", "Read the platform team's engineering blog", "--due", "2026-03-09", "--opp", "northwind");
	cli("task", "add", "Check in with the manager", "--due", "2026-03-12", "--kind", "email", "--with", "Energy Manager");
	cli("want", "mark", "northwind", "1", "met", "--by", "Platform Engineer");
	cli("want", "mark", "northwind", "2", "partly");
	cli("want", "mark", "meridian", "1", "unmet");
	cli("want", "mark", "meridian", "4", "vague");
	cli("question", "add", "Who decides what the platform team builds next?", "--stage", "second", "--audience", "boss");
	cli("offer", "add", "northwind", "--base", "92k", "--bonus", "8000", "--title", "Data Lead", "--deadline", "2026-03-16",
		"--benefits", "pension 6%, 30 days' leave");
	cli("offer", "ask", "northwind", "--base", "100k", "--note", "asked for the top of the range");
	cli("offer", "reply", "northwind", "--base", "97500", "--note", "met halfway");
	cli("offer", "add", "meridian", "--base", "105000", "--title", "Data Platform Lead", "--level", "senior", "--deadline", "2026-03-11");
	cli("debrief", "northwind", "--asked", "How often do you ship?", "--answer", "Every week, on Tuesdays",
		"--mark", "1:A team that ships every week=met", "--well", "the whiteboard exercise", "--refine", "shorter answers on strategy");
	cli("feedback", "add", "oakridge", "Show more of the stakeholder work", "--from", "Energy Manager");
	const draftTask = cli("task", "list", "--json").find((t) => t.title === "Send the portfolio link").id;
	const personId = cli("person", "list", "--json").find((p) => p.name === "Data VP").id;
	const orgId = cli("org", "list", "--json").find((o) => o.name === "Northwind Analytics").id;
	return { draftTask, personId, orgId };
}
