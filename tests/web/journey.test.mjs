// A new user's whole journey through the web UI, in the browser: add an
// opportunity and the people met, log an interview, see the thank-you
// follow-ups, draft and download a letter, move the card on the board,
// record the rejection and see the plan that follows it, add a want and
// see it on the prep sheet, debrief the interview. Every step is done with the page's own forms,
// links and drag and drop, as a person would.
import { readFileSync } from "node:fs";
import { start, test, expect, cli, done, base } from "./lib.mjs";

const { page } = await start("2026-03-02T09:00");
const main = () => page.textContent("main");

await test("add an opportunity with the New opportunity form", async () => {
	await page.goto(base + "/pipeline");
	await page.getByRole("link", { name: "New opportunity" }).first().click();
	await page.getByLabel("Organisation (added if new)").fill("Northwind Analytics");
	await page.getByLabel("Job title").fill("Data Lead");
	await page.getByLabel("Level you applied for").fill("lead");
	await page.getByRole("button", { name: "Add the opportunity" }).click();
	await page.waitForURL(/\/opportunities\/northwind-analytics-data-lead$/);
	expect((await main()).includes("Data Lead"), "the new opportunity's page");
});

for (const [name, title] of [["Hiring Manager", "VP Data"], ["Team Lead", "Staff Engineer"]]) {
	await test(`add ${name} with the New person form`, async () => {
		await page.goto(base + "/people/new");
		await page.getByLabel("Name").fill(name);
		await page.getByLabel("Organisation (added if new)").fill("Northwind Analytics");
		await page.getByLabel("Job title").fill(title);
		await page.getByRole("button", { name: "Add the person" }).click();
		await page.waitForURL(/\/people\/\d+$/);
		expect((await main()).includes(title), "the person's page");
	});
}

await test("link the hiring manager to the opportunity", async () => {
	await page.goto(base + "/opportunities/northwind-analytics-data-lead");
	await page.getByLabel("Person (their name)").fill("Hiring Manager");
	await page.getByLabel("Role").selectOption("hiring-manager");
	await page.getByRole("button", { name: "Link" }).click();
	await page.waitForURL(/\/opportunities\/northwind-analytics-data-lead/);
	expect((await main()).includes("hiring manager"), "the role is shown in words");
});

await test("log the interview on Today and see a thank-you follow-up for each person", async () => {
	await page.goto(base + "/");
	await page.getByLabel("Kind").selectOption("interview");
	await page.getByLabel("What happened").fill("First interview: the data platform");
	await page.getByLabel("With (names, separated by commas)").fill("Hiring Manager, Team Lead");
	await page.getByLabel("About the opportunity")
		.selectOption({ label: "Northwind Analytics — Data Lead" });
	await page.getByRole("button", { name: "Log it" }).click();
	// Today, perhaps saying the interview moved the opportunity on (?moved=...)
	await page.waitForURL((u) => u.origin === base && u.pathname === "/");
	const text = await main();
	expect(text.includes("Thank-you note to Hiring Manager"), "a thank-you to the hiring manager");
	expect(text.includes("Thank-you note to Team Lead"), "a thank-you to the team lead");
});

await test("draft the thank-you letter and download it as an e-mail file", async () => {
	await page.goto(base + "/");
	const task = page.locator("li.task", { hasText: "Thank-you note to Hiring Manager" });
	await task.getByRole("link", { name: "Draft" }).click();
	await page.waitForURL(/\/tasks\/\d+\/draft$/);
	expect((await page.textContent("#draft-body")).length > 40, "a letter body");
	const [download] = await Promise.all([
		page.waitForEvent("download"),
		page.getByRole("link", { name: "Download .eml" }).click(),
	]);
	const eml = readFileSync(await download.path(), "utf8");
	expect(/^Subject: /m.test(eml), "a Subject header");
	expect(/^MIME-Version: 1.0/m.test(eml), "a MIME message");
	expect(download.suggestedFilename().endsWith(".eml"), "an .eml file name");
});

await test("Done on Today takes the follow-up off the list in place (JavaScript)", async () => {
	await page.goto(base + "/");
	const task = page.locator("li.task", { hasText: "Thank-you note to Team Lead" });
	expect(await task.count() === 1, "the thank-you is listed");
	await page.evaluate(() => { window.__samePage = true; });
	await task.getByRole("button", { name: "Done" }).click();
	await task.waitFor({ state: "detached" });
	expect(await page.evaluate(() => window.__samePage) === true, "no reload");
	const tasks = cli("--json", "task", "list");
	expect(!tasks.some((t) => t.title === "Thank-you note to Team Lead"), "the task is done");
});

await test("the Done made in place offers its Undo, which brings the follow-up back", async () => {
	const undo = page.locator("form.notice.undo").getByRole("button", { name: "Undo" });
	await undo.waitFor();
	await Promise.all([page.waitForNavigation(), undo.click()]);
	expect(await page.locator("li.task", { hasText: "Thank-you note to Team Lead" }).count() === 1,
		"the thank-you is listed again");
	expect((await page.textContent("main")).includes("Undone:"), "the page says what was undone");
	const tasks = cli("--json", "task", "list");
	expect(tasks.some((t) => t.title === "Thank-you note to Team Lead"), "the task is open again");
	const task = page.locator("li.task", { hasText: "Thank-you note to Team Lead" });
	await task.getByRole("button", { name: "Done" }).click();
	await task.waitFor({ state: "detached" });
});

// The logged interview already moved the card to Interviewing (the stage
// follows what is logged): the drag takes it on to Offer.
await test("move the card to Offer by drag and drop", async () => {
	await page.goto(base + "/pipeline");
	const card = page.locator(".opp-card", { hasText: "Data Lead" });
	const column = page.locator('.stage-col[data-stage="offer"]');
	expect(await page.locator('.stage-col[data-stage="interviewing"] .opp-card',
		{ hasText: "Data Lead" }).count() === 1, "the card in the Interviewing column, after the interview");
	await Promise.all([page.waitForNavigation(), card.dragTo(column)]);
	const opp = cli("--json", "opp", "show", "northwind-analytics-data-lead");
	expect(opp.stage === "offer", "stage offer, got " + opp.stage);
	await page.goto(base + "/pipeline");
	expect(await page.locator('.stage-col[data-stage="offer"] .opp-card',
		{ hasText: "Data Lead" }).count() === 1, "the card in the Offer column");
});

await test("record the rejection and see the follow-up plan", async () => {
	await page.goto(base + "/opportunities/northwind-analytics-data-lead");
	await page.getByLabel("Stage", { exact: true }).selectOption("rejected");
	await page.getByRole("button", { name: "Move" }).click();
	await page.waitForURL(/\/opportunities\/northwind-analytics-data-lead/);
	const text = await main();
	expect(text.includes("Stay-in-touch letter to Hiring Manager"), "a stay-in-touch letter");
	expect(text.includes("Connect with Team Lead on LinkedIn"), "a LinkedIn connection");
	expect(text.includes("Review your interviews at Northwind Analytics"), "a review");
	await page.goto(base + "/pipeline");
	expect(await page.locator("details", { hasText: "Data Lead" }).count() >= 1,
		"the card among the closed ones");
});

await test("add a want and see it on the prep sheet with questions that verify it", async () => {
	await page.goto(base + "/wants");
	const add = page.locator("#add");
	await add.getByLabel("What you want").fill("Own the data platform end to end");
	await add.getByLabel("How much it weighs in an opportunity’s fit").selectOption("5");
	await add.getByLabel("Category (the questions that verify it)").selectOption("scope");
	await add.getByRole("button", { name: "Add" }).click();
	await page.waitForURL(/\/wants/);
	expect((await main()).includes("Own the data platform end to end"), "the want is listed");
	await page.goto(base + "/prep/northwind-analytics-data-lead");
	const sheet = await main();
	expect(sheet.includes("Own the data platform end to end"), "the want on the sheet");
	expect(await page.locator("main li", { hasText: "?" }).count() > 0, "questions to ask");
});

await test("record a debrief with the form: a prep question answered, one of your own", async () => {
	await page.goto(base + "/opportunities/northwind-analytics-data-lead");
	await page.getByRole("link", { name: "Record a debrief" }).click();
	await page.waitForURL(/\/debrief#record$/);
	const prep = page.locator("fieldset.asked-row").first();
	const asked = (await prep.locator("legend").textContent()).trim();
	await prep.getByLabel("Their answer").fill("You would own it, with two engineers");
	await prep.getByLabel("It settles the want").selectOption({ label: "Own the data platform end to end" });
	await prep.getByLabel("How it stands").selectOption("met");
	const own = page.locator("fieldset.asked-row", { hasText: "Your own question" }).first();
	await own.getByLabel("The question").fill("What would the first month look like?");
	await own.getByLabel("Their answer").fill("Meeting the teams");
	await page.getByLabel("What went well").fill("the platform walk-through");
	await page.getByLabel("What to refine next time").fill("shorter answers");
	await page.getByLabel("How it felt (chemistry)").selectOption("4");
	await page.getByRole("button", { name: "Save the debrief" }).click();
	await page.waitForURL(/\/debriefs\/\d+\?saved=1$/);
	const text = await main();
	expect(text.includes("Debrief saved."), "the notice");
	expect(text.includes(asked) && text.includes("What would the first month look like?"),
		"both questions");
	const [d] = cli("--json", "debrief", "list", "northwind-analytics-data-lead");
	expect(d.chemistry === 4 && d.asked.length === 2 && d.refine === "shorter answers",
		"saved as the command line would");
	expect(d.asked[0].mark && d.asked[0].mark.status === "met", "the want settled");
	await page.goto(base + "/opportunities/northwind-analytics-data-lead");
	expect(await page.locator(`a[href="/debriefs/${d.id}"]`).count() === 1,
		"listed on the opportunity");
});

await test("import LinkedIn connections by uploading the file, with a dry run first", async () => {
	const csv = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n" +
		"Data,Recruiter,https://www.linkedin.com/in/data-recruiter,,Ølberg,Recruiter,05 Mar 2024\r\n" +
		"Team,Lead,,,Northwind Analytics,Staff Engineer,01 Feb 2023\r\n";
	const file = { name: "Connections.csv", mimeType: "text/csv", buffer: Buffer.from(csv) };
	await page.goto(base + "/settings/import");
	await page.getByLabel("What the file is").selectOption("linkedin");
	await page.getByLabel("File to import").setInputFiles(file);
	await page.getByLabel("Dry run: show what would change, and write nothing").check();
	await page.getByRole("button", { name: "Import the file" }).click();
	let text = await main();
	expect(text.includes("Dry run: nothing was written"), "the dry run's summary");
	expect(!cli("person", "list").includes("Data Recruiter"), "nothing written by the dry run");
	await page.getByLabel("File to import").setInputFiles(file);
	await page.getByRole("button", { name: "Import the file" }).click();
	text = await main();
	expect(text.includes("Imported") && text.includes("Connections.csv: 2 LinkedIn connections"),
		"the import's summary");
	expect(cli("person", "list").includes("Data Recruiter"), "the new person is in");
	expect(cli("person", "show", "Team Lead").includes("2023-02-01"), "the known person updated");
});

await done();
