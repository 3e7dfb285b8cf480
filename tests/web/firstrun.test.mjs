// The first ten minutes: from an empty database, following only the start
// checklist on Today (each step's own link, then the form it leads to),
// to a first planned follow-up with its drafted letter. Each step must tick
// itself off, and the checklist give way once every step is done.
import { start, test, expect, done, base } from "./lib.mjs";

const { page } = await start("2026-03-02T09:00");
const main = () => page.textContent("main");
const checklist = () => page.locator("section#start");

// Follow a step's link from Today's checklist.
async function followStep(name) {
	await page.goto(base + "/");
	await checklist().getByRole("link", { name }).click();
}

// Is the step shown as done on Today?
async function stepDone(name) {
	await page.goto(base + "/");
	const step = checklist().locator("li.start-step", { hasText: name });
	return (await step.getAttribute("class")).includes("done") &&
		(await step.textContent()).includes("done");
}

await test("an empty database opens on Today with the start checklist, nothing done", async () => {
	await page.goto(base + "/");
	expect(await checklist().count() === 1, "the checklist on Today");
	expect((await checklist().textContent()).includes("0 of 5 done"), "nothing done yet");
	expect(await checklist().getByRole("link", { name: "How rapport works" }).count() === 1,
		"a link to How rapport works");
});

await test("step 1: your name and e-mail address, in Settings", async () => {
	await followStep("Your name and e-mail address");
	await page.waitForURL(/\/settings/);
	await page.getByLabel("Your name").fill("Job Seeker");
	await page.getByLabel("Your e-mail address").fill("seeker@example.org");
	await page.getByRole("button", { name: "Save" }).first().click();
	await page.waitForURL(/\/settings/);
	expect(await stepDone("Your name and e-mail address"), "ticked off");
});

await test("step 2: three wants, one of them a must-have", async () => {
	const wants = [["Own the data platform", true], ["A team that ships every week", false],
		["Two days a month in the office at most", false]];
	for (const [text, must] of wants) {
		await followStep("Three things you want, one of them a must-have");
		await page.waitForURL(/\/wants/);
		const add = page.locator("#add");
		await add.getByLabel("What you want").fill(text);
		if (must)
			await add.getByLabel("A must-have: unmet, it breaks the deal").check();
		await add.getByRole("button", { name: "Add" }).click();
		await page.waitForURL(/\/wants/);
	}
	expect(await stepDone("Three things you want"), "ticked off after the third want");
});

await test("step 3: the first opportunity, then the interview with the people met there", async () => {
	await followStep("Your first opportunity, with the people you know there");
	await page.waitForURL(/\/opportunities\/new$/);
	await page.getByLabel("Organisation (added if new)").fill("Northwind Analytics");
	await page.getByLabel("Job title").fill("Data Lead");
	await page.getByRole("button", { name: "Add the opportunity" }).click();
	await page.waitForURL(/\/opportunities\/northwind-analytics-data-lead$/);
	expect(!(await stepDone("Your first opportunity")), "not done before anyone is known there");
	// Today's log form: the people typed are added, in the opportunity's organisation
	await page.getByLabel("Kind").selectOption("interview");
	await page.getByLabel("What happened").fill("First interview: the data platform");
	await page.getByLabel("With (names, separated by commas)").fill("Hiring Manager");
	await page.getByLabel("About the opportunity").selectOption({ label: "Northwind Analytics — Data Lead" });
	await page.getByRole("button", { name: "Log it" }).click();
	await page.waitForURL((u) => u.origin === base && u.pathname === "/");
	expect(await stepDone("Your first opportunity"), "ticked off");
});

await test("step 4: LinkedIn connections, a dry run first", async () => {
	const csv = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n" +
		"Data,Recruiter,https://www.linkedin.com/in/data-recruiter,,Harbour Health,Recruiter,05 Mar 2024\r\n";
	const file = { name: "Connections.csv", mimeType: "text/csv", buffer: Buffer.from(csv) };
	await followStep("Your LinkedIn connections");
	await page.waitForURL(/\/settings\/import$/);
	await page.getByLabel("What the file is").selectOption("linkedin");
	await page.getByLabel("File to import").setInputFiles(file);
	await page.getByLabel("Dry run: show what would change, and write nothing").check();
	await page.getByRole("button", { name: "Import the file" }).click();
	expect((await main()).includes("Dry run: nothing was written"), "the dry run's summary");
	expect(!(await stepDone("Your LinkedIn connections")), "a dry run ticks nothing off");
	await followStep("Your LinkedIn connections");
	await page.getByLabel("File to import").setInputFiles(file);
	await page.getByRole("button", { name: "Import the file" }).click();
	expect((await main()).includes("Imported"), "the import's summary");
	expect(await stepDone("Your LinkedIn connections"), "ticked off");
});

await test("step 5: the calendar feed, and the checklist gives way", async () => {
	await page.goto(base + "/");
	expect((await checklist().textContent()).includes("4 of 5 done"), "four steps done");
	await followStep("Your follow-ups in your calendar");
	await page.waitForURL(/\/settings/);
	await page.getByRole("button", { name: "Turn on the calendar feed" }).click();
	await page.waitForURL(/\/settings/);
	await page.goto(base + "/");
	expect(await checklist().count() === 0, "no checklist once every step is done");
});

await test("a first planned follow-up with its drafted letter", async () => {
	await page.goto(base + "/");
	const task = page.locator("li.task", { hasText: "Thank-you note to Hiring Manager" });
	expect(await task.count() === 1, "the thank-you the interview planned");
	await task.getByRole("link", { name: "Draft" }).click();
	await page.waitForURL(/\/tasks\/\d+\/draft$/);
	const body = await page.textContent("#draft-body");
	expect(body.includes("Hello Hiring,") && body.includes("Job Seeker"),
		"a letter to the hiring manager, signed with the name of step 1: " + body);
});

await test("How rapport works lists the rules in force, each linked to its line", async () => {
	await page.goto(base + "/");
	await page.getByRole("link", { name: "How rapport works" }).first().click();
	await page.waitForURL(/\/method$/);
	for (const moment of ["After an interview", "When they go silent", "After a no",
		"After an offer", "When a relationship goes quiet"])
		expect(await page.getByRole("heading", { name: moment }).count() === 1, moment);
	const rule = page.locator("#after-an-interview a", { hasText: "thank-you" });
	expect(await rule.count() === 1, "the thank-you rule under After an interview");
	await rule.click();
	await page.waitForURL(/\/settings\/playbooks#rule-thank-you$/);
	expect(await page.locator("tr#rule-thank-you").count() === 1, "its line among the rules in force");
});

await done();
