/* gen-db.c: build a large, realistic, deterministic rapport database for benchmarks. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/date.h"
#include "core/text.h"
#include "store/db_sqlite.h" /* it writes an SQLite file row by row */
#include "store/store.h"

#define COUNT(a) (ARRAY_SIZE(a))
#define DAY 86400
#define SPAN_DAYS 730 /* the history covers the two years before now */
#define MAX_OPP_PEOPLE 6
#define MAX_STAGES 9

/* ---- vocabularies ---- */

struct name { const char *text, *ascii; };
struct culture {
	const struct name *first, *last;
	size_t nfirst, nlast;
	int weight;
	int family_first; /* 1: "family given", 2: "familygiven" (no space) */
};

#define N(t, a) { t, a }
static const struct name en_first[] = {
	N("James", "james"), N("Mary", "mary"), N("Robert", "robert"),
	N("Patricia", "patricia"), N("John", "john"), N("Jennifer", "jennifer"),
	N("Michael", "michael"), N("Linda", "linda"), N("David", "david"),
	N("Elizabeth", "elizabeth"), N("William", "william"), N("Barbara", "barbara"),
	N("Richard", "richard"), N("Susan", "susan"), N("Joseph", "joseph"),
	N("Jessica", "jessica"), N("Thomas", "thomas"), N("Sarah", "sarah"),
	N("Charles", "charles"), N("Karen", "karen"), N("Emma", "emma"), N("Olivia", "olivia"),
	N("Liam", "liam"), N("Noah", "noah"), N("Ava", "ava"), N("Sophia", "sophia"),
	N("Mia", "mia"), N("Ethan", "ethan"), N("Oliver", "oliver"), N("Amelia", "amelia"),
	N("Grace", "grace"), N("Daniel", "daniel"), N("Hannah", "hannah"),
	N("Samuel", "samuel"), N("Rachel", "rachel"), N("Benjamin", "benjamin"),
	N("Laura", "laura"), N("Matthew", "matthew"), N("Claire", "claire"),
	N("Andrew", "andrew"),
};
static const struct name en_last[] = {
	N("Smith", "smith"), N("Johnson", "johnson"), N("Williams", "williams"),
	N("Brown", "brown"), N("Jones", "jones"), N("Miller", "miller"), N("Davis", "davis"),
	N("Wilson", "wilson"), N("Anderson", "anderson"), N("Taylor", "taylor"),
	N("Thomas", "thomas"), N("Moore", "moore"), N("Jackson", "jackson"),
	N("Martin", "martin"), N("Lee", "lee"), N("Thompson", "thompson"), N("White", "white"),
	N("Harris", "harris"), N("Clark", "clark"), N("Lewis", "lewis"), N("Walker", "walker"),
	N("Hall", "hall"), N("Young", "young"), N("Allen", "allen"), N("King", "king"),
	N("Wright", "wright"), N("Scott", "scott"), N("Green", "green"), N("Baker", "baker"),
	N("Adams", "adams"), N("O'Brien", "obrien"), N("McAllister", "mcallister"),
	N("Fitzgerald", "fitzgerald"), N("Campbell", "campbell"), N("Hughes", "hughes"),
	N("Bennett", "bennett"), N("Sullivan", "sullivan"), N("Hayes", "hayes"),
};
static const struct name in_first[] = {
	N("Priya", "priya"), N("Arjun", "arjun"), N("Ananya", "ananya"), N("Rohan", "rohan"),
	N("Aditya", "aditya"), N("Kavya", "kavya"), N("Vikram", "vikram"), N("Meera", "meera"),
	N("Sanjay", "sanjay"), N("Divya", "divya"), N("Rahul", "rahul"), N("Neha", "neha"),
};
static const struct name in_last[] = {
	N("Sharma", "sharma"), N("Patel", "patel"), N("Gupta", "gupta"), N("Reddy", "reddy"),
	N("Iyer", "iyer"), N("Nair", "nair"), N("Krishnan", "krishnan"), N("Mehta", "mehta"),
	N("Banerjee", "banerjee"), N("Chatterjee", "chatterjee"),
};
static const struct name fr_first[] = {
	N("Zoë", "zoe"), N("Amélie", "amelie"), N("Chloé", "chloe"), N("Hélène", "helene"),
	N("Léa", "lea"), N("Éloïse", "eloise"), N("François", "francois"), N("Jérôme", "jerome"),
	N("Théo", "theo"), N("Noël", "noel"), N("Benoît", "benoit"), N("Céline", "celine"),
	N("Gaël", "gael"), N("Camille", "camille"), N("Julien", "julien"),
};
static const struct name fr_last[] = {
	N("Lefèvre", "lefevre"), N("Dubois", "dubois"), N("Moreau", "moreau"),
	N("Girard", "girard"), N("Fontaine", "fontaine"), N("Lemaître", "lemaitre"),
	N("Rousseau", "rousseau"), N("Bélanger", "belanger"), N("Côté", "cote"),
	N("Gauthier", "gauthier"), N("Mercier", "mercier"), N("Bérard", "berard"),
};
static const struct name es_first[] = {
	N("José", "jose"), N("María", "maria"), N("Jesús", "jesus"), N("Sofía", "sofia"),
	N("Lucía", "lucia"), N("Andrés", "andres"), N("Raúl", "raul"), N("Inês", "ines"),
	N("João", "joao"), N("Gonçalo", "goncalo"), N("Ramón", "ramon"), N("Carmen", "carmen"),
	N("Diego", "diego"), N("Valentina", "valentina"),
};
static const struct name es_last[] = {
	N("García", "garcia"), N("Martínez", "martinez"), N("Rodríguez", "rodriguez"),
	N("López", "lopez"), N("Hernández", "hernandez"), N("Pérez", "perez"), N("Muñoz", "munoz"),
	N("Gonçalves", "goncalves"), N("Araújo", "araujo"), N("Peña", "pena"), N("Silva", "silva"),
	N("Ortega", "ortega"),
};
static const struct name eu_first[] = {
	N("Jürgen", "jurgen"), N("Björn", "bjorn"), N("Søren", "soren"), N("Åsa", "asa"),
	N("Jörg", "jorg"), N("Łukasz", "lukasz"), N("Małgorzata", "malgorzata"),
	N("Zoltán", "zoltan"), N("Anna", "anna"), N("Katarzyna", "katarzyna"), N("Lars", "lars"),
	N("Ingrid", "ingrid"), N("Mehmet", "mehmet"), N("Ayşe", "ayse"), N("Dušan", "dusan"),
};
static const struct name eu_last[] = {
	N("Müller", "muller"), N("Schröder", "schroder"), N("Weiß", "weiss"),
	N("Jørgensen", "jorgensen"), N("Lindström", "lindstrom"), N("Nowak", "nowak"),
	N("Wójcik", "wojcik"), N("Kowalczyk", "kowalczyk"), N("Nagy", "nagy"),
	N("Dvořák", "dvorak"), N("Šimić", "simic"), N("Öztürk", "ozturk"), N("Yılmaz", "yilmaz"),
	N("Fischer", "fischer"), N("Van der Berg", "vanderberg"),
};
static const struct name zh_first[] = {
	N("伟", "wei"), N("芳", "fang"), N("娜", "na"), N("敏", "min"), N("静", "jing"),
	N("磊", "lei"), N("洋", "yang"), N("婷", "ting"), N("俊杰", "junjie"), N("秀英", "xiuying"),
};
static const struct name zh_last[] = {
	N("王", "wang"), N("李", "li"), N("张", "zhang"), N("刘", "liu"), N("陈", "chen"),
	N("杨", "yang"), N("黄", "huang"), N("赵", "zhao"),
};
static const struct name ja_first[] = {
	N("健太", "kenta"), N("陽子", "yoko"), N("大輔", "daisuke"), N("美咲", "misaki"),
	N("拓也", "takuya"), N("さくら", "sakura"), N("直樹", "naoki"),
};
static const struct name ja_last[] = {
	N("佐藤", "sato"), N("鈴木", "suzuki"), N("高橋", "takahashi"), N("田中", "tanaka"),
	N("渡辺", "watanabe"), N("伊藤", "ito"),
};
static const struct name ru_first[] = {
	N("Дмитрий", "dmitry"), N("Анна", "anna"), N("Сергей", "sergey"), N("Ольга", "olga"),
	N("Алексей", "alexey"), N("Наталья", "natalya"), N("Иван", "ivan"),
};
static const struct name ru_last[] = {
	N("Иванов", "ivanov"), N("Смирнов", "smirnov"), N("Кузнецов", "kuznetsov"),
	N("Попов", "popov"), N("Соколов", "sokolov"), N("Волков", "volkov"),
};
static const struct name el_first[] = {
	N("Γιώργος", "giorgos"), N("Μαρία", "maria"), N("Νίκος", "nikos"), N("Ελένη", "eleni"),
};
static const struct name el_last[] = {
	N("Παπαδόπουλος", "papadopoulos"), N("Νικολάου", "nikolaou"), N("Οικονόμου", "oikonomou"),
};
static const struct name ar_first[] = {
	N("محمد", "mohammed"), N("فاطمة", "fatima"), N("أحمد", "ahmed"), N("ليلى", "layla"),
	N("Omar", "omar"), N("Yasmin", "yasmin"),
};
static const struct name ar_last[] = {
	N("العلي", "alali"), N("حداد", "haddad"), N("منصور", "mansour"), N("Khalil", "khalil"),
};
static const struct name ko_first[] = {
	N("민준", "minjun"), N("서연", "seoyeon"), N("지훈", "jihoon"), N("하은", "haeun"),
};
static const struct name ko_last[] = {
	N("김", "kim"), N("이", "lee"), N("박", "park"), N("최", "choi"),
};
#undef N

#define CULTURE(f, l, w, ff) { f, l, COUNT(f), COUNT(l), w, ff }
static const struct culture cultures[] = {
	CULTURE(en_first, en_last, 45, 0), CULTURE(in_first, in_last, 10, 0),
	CULTURE(fr_first, fr_last, 8, 0),  CULTURE(es_first, es_last, 8, 0),
	CULTURE(eu_first, eu_last, 10, 0), CULTURE(zh_first, zh_last, 6, 2),
	CULTURE(ja_first, ja_last, 3, 1),  CULTURE(ru_first, ru_last, 4, 0),
	CULTURE(el_first, el_last, 2, 0),  CULTURE(ar_first, ar_last, 2, 0),
	CULTURE(ko_first, ko_last, 2, 2),
};

static const char *const org_prefix[] = {
	"Northwind", "Blue", "Bright", "Silver", "Iron", "Clear", "Red", "Green", "Summit",
	"Harbor", "Atlas", "Nova", "Polar", "Cedar", "Granite", "Quantum", "Vertex", "Orbit",
	"Lumen", "Pioneer", "Beacon", "Falcon", "Meridian", "Cobalt", "Sterling", "Aurora",
	"Keystone", "Redwood", "Signal", "Tandem", "Crescent", "Evergreen", "Horizon", "Juniper",
	"Kestrel", "Lighthouse", "Maple", "Nimbus", "Oakridge", "Pinnacle", "Riverbend", "Sable",
	"Tidal", "Umbra", "Vantage", "Willow", "Zenith", "Amber", "Basalt", "Copper", "Delta",
	"Echo", "Fjord", "Glacier", "Helix", "Indigo", "Jade", "Kinetic", "Lattice", "Mosaic",
};
static const char *const org_core[] = {
	"Analytics", "Systems", "Labs", "Software", "Health", "Energy", "Logistics", "Robotics",
	"Capital", "Media", "Networks", "Data", "Bio", "Cloud", "Payments", "Security", "Foods",
	"Mobility", "Insurance", "Learning", "Games", "Devices", "Materials", "Retail", "Travel",
	"Genomics", "Finance", "Studios", "Works", "Dynamics", "Pharma", "Telecom", "Ventures",
	"Semiconductors", "Aerospace", "Markets", "Scientific", "Marine", "Instruments", "Apps",
};
static const char *const org_suffix[] = {
	"", "Inc", "Ltd", "GmbH", "Group", "Co", "AG", "SA", "Partners", "Holdings", "BV",
	"Technologies",
};
static const char *const tlds[] = { "com", "io", "co.uk", "de", "fr", "ai", "net" };
static const char *const cities[] = {
	"London", "Berlin", "Paris", "Amsterdam", "Dublin", "Zürich", "New York", "San Francisco",
	"Toronto", "Montréal", "Stockholm", "København", "Madrid", "Lisboa", "München", "Remote",
	"Austin", "Seattle", "Boston", "Singapore", "Tokyo", "Bangalore", "Warszawa", "Praha",
};
static const char *const person_titles[] = {
	"Engineering Manager", "Senior Recruiter", "Technical Recruiter", "VP Engineering",
	"Talent Partner", "Staff Engineer", "Head of Data", "CTO", "Director of Engineering",
	"Product Manager", "Senior Software Engineer", "Principal Engineer", "Data Scientist",
	"HR Business Partner", "Founder", "CEO", "Head of Talent", "Engineering Lead",
	"Platform Lead", "Security Engineer", "Site Reliability Engineer", "Designer",
	"Hiring Coordinator", "Chief of Staff", "Solutions Architect", "Analytics Manager",
	"Machine Learning Engineer", "Head of Product", "People Operations Manager", "Consultant",
};
static const char *const tags[] = {
	"recruiter", "mentor", "former-colleague", "hiring-manager", "referral", "conference",
	"alumni", "friend", "investor", "warm", "cold", "meetup", "agency", "london", "remote",
	"ex-manager", "open-source", "board",
};
static const char *const job_titles[] = {
	"Senior Backend Engineer", "Staff Engineer", "Engineering Manager", "Data Engineer",
	"Platform Engineer", "Head of Engineering", "Principal Engineer", "Data Lead",
	"Machine Learning Engineer", "Site Reliability Engineer", "Tech Lead",
	"Solutions Architect", "Director of Engineering", "Backend Developer",
	"Security Engineer", "Analytics Engineer", "Infrastructure Lead", "Software Architect",
	"VP Engineering", "Developer Advocate",
};
static const char *const levels[] = {
	"Senior", "Staff", "Principal", "L5", "L6", "IC4", "Lead", "Manager",
};
static const char *const sources[] = {
	"referral", "linkedin", "recruiter", "job board", "company site", "conference", "meetup",
};
static const char *const topics[] = {
	"the data platform role", "team structure", "salary expectations", "relocation",
	"the hiring timeline", "remote work", "the product roadmap", "onboarding", "the tech stack",
	"a referral", "next steps", "the offer", "equity", "the reference check",
	"the take-home exercise", "the team's on-call rotation", "visa sponsorship",
	"the interview loop", "notice period", "the reorg", "their migration to the cloud",
	"the architecture review", "benefits", "the start date", "a contract role",
};
static const char *const rounds[] = {
	"First", "Technical", "System design", "Final", "Panel", "Culture fit", "Coding",
	"Leadership", "Hiring manager", "Take-home review",
};
/* Note words, most frequent first: picks are skewed to the front (a Zipf-like tail). */
static const char *const words[] = {
	"the", "and", "to", "we", "team", "about", "they", "for", "with", "on", "role", "next",
	"discussed", "week", "interview", "process", "manager", "data", "product", "said",
	"would", "follow", "up", "good", "call", "need", "send", "after", "their", "time",
	"platform", "work", "engineering", "people", "hiring", "offer", "salary", "plan",
	"feedback", "growth", "remote", "office", "stack", "scale", "customers", "roadmap",
	"budget", "timeline", "culture", "leadership", "strong", "questions", "project",
	"mentioned", "looking", "reference", "contract", "equity", "bonus", "benefits",
	"relocation", "visa", "weeks", "months", "quarter", "launch", "migration", "cloud",
	"backend", "frontend", "mobile", "infrastructure", "reliability", "security",
	"compliance", "analytics", "pipeline", "warehouse", "latency", "incident", "oncall",
	"architecture", "design", "review", "coding", "exercise", "whiteboard", "panel",
	"recruiter", "founder", "board", "funding", "series", "runway", "acquisition", "reorg",
	"layoffs", "headcount", "promotion", "mentorship", "coaching", "career", "ladder",
	"staff", "principal", "senior", "junior", "internship", "partnership", "vendor",
	"conference", "meetup", "talk", "podcast", "blog", "newsletter", "introduction",
	"referral", "coffee", "lunch", "dinner", "zoom", "slack", "email", "thanks", "excited",
	"concerned", "unclear", "promising", "interesting", "tricky", "ambitious", "calm",
	"friendly", "direct", "thoughtful", "rushed", "late", "early", "python", "golang",
	"java", "typescript", "postgres", "kafka", "spark", "airflow", "dbt", "terraform",
	"kubernetes", "graphql", "react", "rust", "scala", "elixir", "clojure", "haskell",
	"erlang", "ocaml", "fortran", "cobol", "snowflake", "bigquery", "redshift", "flink",
	"cassandra", "clickhouse", "duckdb", "sqlite", "zig", "nim", "crystal", "lisp",
	"prolog", "verilog", "quantum", "blockchain", "biotech", "fintech", "insurtech",
	"agritech", "sabbatical", "paternity", "maternity", "gardening", "marathon", "sailing",
	"chess", "origami", "kayaking", "beekeeping", "calligraphy", "zither", "xylophone",
	"quokka",
};
static const char *const stage_names[] = {
	"lead", "applied", "conversation", "interviewing", "offer", "negotiating",
	"accepted", "declined", "rejected", "withdrawn",
};
enum { LEAD, APPLIED, CONVERSATION, INTERVIEWING, OFFER, NEGOTIATING, ACCEPTED, DECLINED,
       REJECTED, WITHDRAWN };
static const int stage_weight[] = { 8, 10, 7, 8, 2, 1, 2, 4, 40, 18 };
static const char *const stage_notes[] = {
	"Recruiter screen went well", "Applied through the careers page", "Waiting on feedback",
	"Offer below target", "Team seems great", "Role was filled internally",
	"Not the right level", "Chose another offer", "Budget freeze", "Moved fast",
};
static const char *const roles[] = {
	"hiring-manager", "peer", "hr", "recruiter", "executive", "referrer", "interviewer",
	"other",
};
struct kind { const char *name; int weight; };
static const struct kind interaction_kinds[] = {
	{ "email", 30 }, { "message", 20 }, { "call", 15 }, { "video", 10 },
	{ "meeting", 8 }, { "interview", 8 }, { "note", 7 }, { "letter", 2 },
};
/* Summary templates: {n} a first name, {t} a topic, {r} an interview round. */
static const char *const summaries_email[] = {
	"Sent CV and cover letter to {n}", "Email from {n} about {t}", "Follow-up email on {t}",
	"Thank-you note to {n} after the call", "{n} asked about {t}", "Replied to {n} re {t}",
};
static const char *const summaries_talk[] = {
	"Call with {n} about {t}", "Phone screen with {n}", "Coffee with {n}",
	"Caught up with {n} on {t}", "{n} walked me through {t}", "Quick sync with {n} on {t}",
};
static const char *const summaries_interview[] = {
	"{r} interview with {n}", "{r} round: {t}", "{r} interview, asked about {t}",
};
static const char *const summaries_note[] = {
	"Thoughts on {t}", "Reminder: {n} mentioned {t}", "Prep notes for {t}",
};
struct task_title { const char *tmpl, *kind; };
static const struct task_title task_titles[] = {
	{ "Email {n} about {t}", "email" }, { "Call {n}", "call" },
	{ "Send thank-you note to {n}", "email" }, { "Follow up on {t}", "email" },
	{ "Connect with {n} on LinkedIn", "linkedin" }, { "Message {n} on LinkedIn", "linkedin" },
	{ "Prepare questions about {t}", "review" }, { "Review notes on {t}", "review" },
	{ "Ask {n} for a referral", "email" }, { "Check in with {n}", "call" },
	{ "Coffee with {n}", "meeting" }, { "Read up on {t}", "learn" },
	{ "Post the signed form to {n}", "letter" }, { "Update CV for {t}", "other" },
	{ "Practise for {t}", "other" },
};
static const char *const rule_origins[] = {
	"cadence", "thank-you", "follow-up", "stale-opportunity", "offer-deadline",
};

/* ---- random numbers: splitmix64 ---- */

static uint64_t rng_state;

static uint64_t rnd(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Uniform in [0, n). */
static int64_t below(int64_t n)
{
	return n <= 1 ? 0 : (int64_t)(rnd() % (uint64_t)n);
}

/* Uniform in [lo, hi]. */
static int64_t between(int64_t lo, int64_t hi)
{
	return lo + below(hi - lo + 1);
}

static int chance(int percent)
{
	return below(100) < percent;
}

/* Uniform in [0, 1). */
static double unit(void)
{
	return (double)(rnd() >> 11) / 9007199254740992.0;
}

#define PICK(a) ((a)[below((int64_t)COUNT(a))])

static const char *pick_kind(const struct kind *k, size_t n)
{
	int total = 0, r;

	for (size_t i = 0; i < n; i++)
		total += k[i].weight;
	r = (int)below(total);
	for (size_t i = 0; i < n; i++)
		if ((r -= k[i].weight) < 0)
			return k[i].name;
	return k[0].name;
}

/* A deterministic hash of x, independent of the stream (to decide per-record facts). */
static uint64_t mix(uint64_t x)
{
	x = (x ^ (x >> 33)) * 0xff51afd7ed558ccdULL;
	x = (x ^ (x >> 33)) * 0xc4ceb9fe1a85ec53ULL;
	return x ^ (x >> 33);
}

/* ---- the generator's state ---- */

struct opp_info {
	int64_t start, end; /* first and last stage change (end = now while open) */
	int64_t people[MAX_OPP_PEOPLE];
	int npeople;
	int64_t org;
	int nstages;
	int stages[MAX_STAGES];
	int64_t at[MAX_STAGES];
};

enum { ST_ORG, ST_PERSON, ST_TAG, ST_OPP, ST_SLUG, ST_STAGE, ST_LINK, ST_INTERACTION,
       ST_IP, ST_TASK, ST_MOVE_P, ST_MOVE_I, ST_MOVE_IP, ST_MOVE_T, ST_CLEAR_P, ST_CLEAR_I,
       ST_CLEAR_IP, ST_CLEAR_T, ST_COUNT };

/*
 * People, interactions and tasks are first written to temporary tables, then
 * moved in batches with one INSERT ... SELECT. The schema's triggers still
 * index every row, but FTS5 flushes its pending terms at each statement's
 * savepoint: once per batch instead of once per row, which made the load
 * several times slower.
 */
#define BATCH 10000
static const char SQL_STAGING[] =
	"CREATE TEMP TABLE new_person AS SELECT * FROM main.person LIMIT 0;"
	"CREATE TEMP TABLE new_interaction AS SELECT * FROM main.interaction LIMIT 0;"
	"CREATE TEMP TABLE new_interaction_person AS SELECT * FROM main.interaction_person LIMIT 0;"
	"CREATE TEMP TABLE new_task AS SELECT * FROM main.task LIMIT 0";

#define PERSON_COLUMNS                                                             \
	"id, name, org_id, title, email, phone, linkedin, rapport, cadence, notes,"  \
	" created_at, updated_at, name_key"

static const char *const sql_text[ST_COUNT] = {
	[ST_ORG] = "INSERT INTO organisation (id, name, website, location, notes, created_at,"
		   " updated_at, name_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	[ST_PERSON] = "INSERT INTO temp.new_person (id, name, org_id, title, email, phone,"
		      " linkedin, rapport, cadence, notes, created_at, updated_at, name_key)"
		      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[ST_TAG] = "INSERT INTO person_tag (person_id, tag) VALUES (?, ?)",
	[ST_OPP] = "INSERT INTO opportunity (id, org_id, title, slug, level_applied,"
		   " level_offered, source, url, salary_target, salary_low, salary_high,"
		   " salary_offered, stage, stage_changed_at, notes, created_at, updated_at)"
		   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[ST_SLUG] = "SELECT 1 FROM opportunity WHERE slug = ?",
	[ST_STAGE] = "INSERT INTO stage_change (opp_id, from_stage, to_stage, at, note)"
		     " VALUES (?, ?, ?, ?, ?)",
	[ST_LINK] = "INSERT INTO opp_person (opp_id, person_id, role, created_at)"
		    " VALUES (?, ?, ?, ?)",
	[ST_INTERACTION] = "INSERT INTO temp.new_interaction (id, kind, at, direction, opp_id,"
			   " summary, notes, chemistry, created_at)"
			   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[ST_IP] = "INSERT INTO temp.new_interaction_person (interaction_id, person_id)"
		  " VALUES (?, ?)",
	[ST_TASK] = "INSERT INTO temp.new_task (id, title, kind, due, status, person_id, opp_id,"
		    " origin, why, created_at, done_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[ST_MOVE_P] = "INSERT INTO main.person (" PERSON_COLUMNS ") SELECT " PERSON_COLUMNS
		      " FROM temp.new_person",
	[ST_CLEAR_P] = "DELETE FROM temp.new_person",
	[ST_MOVE_I] = "INSERT INTO main.interaction SELECT * FROM temp.new_interaction",
	[ST_MOVE_IP] = "INSERT INTO main.interaction_person (interaction_id, person_id, at)"
		       " SELECT ip.interaction_id, ip.person_id, i.at"
		       " FROM temp.new_interaction_person ip"
		       " JOIN main.interaction i ON i.id = ip.interaction_id",
	[ST_MOVE_T] = "INSERT INTO main.task SELECT * FROM temp.new_task",
	[ST_CLEAR_I] = "DELETE FROM temp.new_interaction",
	[ST_CLEAR_IP] = "DELETE FROM temp.new_interaction_person",
	[ST_CLEAR_T] = "DELETE FROM temp.new_task",
};


struct gen {
	sqlite3 *db;
	sqlite3_stmt *st[ST_COUNT];
	int64_t now, origin; /* seconds since 1970-01-01 (local wall clock) */
	int64_t npeople, ninteractions, ntasks, norgs, nopps, nclose;
	char (*domain)[48];   /* per organisation, index id - 1 */
	const char **first;   /* per person's first name, index id - 1 */
	struct opp_info *opps; /* index id - 1, sorted by start */
	int64_t ntags, nstage_changes, nlinks, nip, nopen;
	struct timespec mark; /* end of the last phase */
	char phases[256];     /* "people 1.2 s, ..." */
};

static const char *db_path; /* where the database goes once complete */
static char work_path[4096]; /* where it is built: db_path + ".part" */

/* Give up: say why, remove the partial file, exit 1. */
static void die(const char *what, sqlite3 *db)
{
	char side[sizeof(work_path) + 16];
	static const char *const ext[] = { "-journal", "-wal", "-shm" };

	fprintf(stderr, "gen-db: %s%s%s\n", what, db ? ": " : "", db ? sqlite3_errmsg(db) : "");
	if (work_path[0]) {
		unlink(work_path);
		for (size_t i = 0; i < COUNT(ext); i++) {
			snprintf(side, sizeof(side), "%s%s", work_path, ext[i]);
			unlink(side);
		}
	}
	exit(1);
}

/* ---- text helpers ---- */

static void fmt_time(int64_t t, int prec, char out[DATE_BUFSZ])
{
	struct datetime d;
	int64_t secs = t % DAY;

	date_from_days((long)(t / DAY), &d);
	d.hour = (int)(secs / 3600);
	d.minute = (int)(secs / 60 % 60);
	d.second = (int)(secs % 60);
	d.has_time = prec > 0;
	/* a moment as the store keeps it: a UTC instant (the generated clock is
	 * taken as UTC); a day as a day */
	if (prec > 0)
		snprintf(out, DATE_BUFSZ, "%04d-%02d-%02dT%02d:%02d:%02dZ", d.year % 10000,
			 d.month % 100, d.day % 100, d.hour % 100, d.minute % 100, d.second % 100);
	else
		date_format(&d, out);
}

/* A task's due as the store keeps it: the user's day, or their local time
 * to the minute (a diary entry, not an instant: no zone). */
static void fmt_due(int64_t t, int with_time, char out[DATE_BUFSZ])
{
	struct datetime d;

	date_from_days((long)(t / DAY), &d);
	d.hour = (int)(t % DAY / 3600);
	d.minute = (int)(t % DAY / 60 % 60);
	d.second = 0;
	d.has_time = with_time;
	date_format(&d, out);
}

/* A moment during working hours (08:00-19:00) of day t / DAY. */
static int64_t work_time(int64_t t)
{
	return t - t % DAY + 8 * 3600 + below(11 * 3600);
}

/* t, or a minute before now when t would be in the future. */
static int64_t past(int64_t now, int64_t t)
{
	return t < now ? t : now - 60;
}

static void append(char *buf, size_t size, size_t *len, const char *s)
{
	size_t n = strlen(s);

	if (*len + n >= size)
		n = size - *len - 1;
	memcpy(buf + *len, s, n);
	*len += n;
	buf[*len] = '\0';
}

/* Expand {n}, {t} and {r} in tmpl. */
static void expand(char *buf, size_t size, const char *tmpl, const char *name)
{
	size_t len = 0;
	char one[2] = { 0, 0 };

	buf[0] = '\0';
	for (const char *p = tmpl; *p; p++) {
		if (p[0] == '{' && p[1] && p[2] == '}') {
			append(buf, size, &len, p[1] == 'n' ? name : p[1] == 't' ? PICK(topics)
									 : PICK(rounds));
			p += 2;
			continue;
		}
		one[0] = *p;
		append(buf, size, &len, one);
	}
}

/* Lower-case ASCII letters and digits, other runs become one '-'. */
static void slugify(char *buf, size_t size, size_t *len, const char *s)
{
	for (; *s && *len + 1 < size; s++) {
		char c = *s >= 'A' && *s <= 'Z' ? (char)(*s - 'A' + 'a') : *s;
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			buf[(*len)++] = c;
		else if (*len && buf[*len - 1] != '-')
			buf[(*len)++] = '-';
	}
	while (*len && buf[*len - 1] == '-')
		(*len)--;
	buf[*len] = '\0';
}

/* count words of notes, in sentences; frequent words come up far more often. */
static void make_notes(char *buf, size_t size, int count)
{
	size_t len = 0;
	int in_sentence = 0;

	buf[0] = '\0';
	for (int i = 0; i < count; i++) {
		double u = unit();
		const char *w = words[(size_t)((double)COUNT(words) * u * u * u)];
		char word[32];
		snprintf(word, sizeof(word), "%s", w);
		if (!in_sentence)
			word[0] = (char)(word[0] - 'a' + 'A');
		append(buf, size, &len, len ? " " : "");
		append(buf, size, &len, word);
		in_sentence = 1;
		if (i + 1 == count || chance(12)) {
			append(buf, size, &len, ".");
			in_sentence = 0;
		}
	}
}

/* ---- statements ---- */

static void bind_txt(sqlite3_stmt *st, int idx, const char *s)
{
	if (s)
		sqlite3_bind_text(st, idx, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, idx);
}

/* Bind a number, or NULL when it is negative (or zero for an id). */
static void bind_num(sqlite3_stmt *st, int idx, int64_t v, int64_t min)
{
	if (v < min)
		sqlite3_bind_null(st, idx);
	else
		sqlite3_bind_int64(st, idx, v);
}

static void run(struct gen *g, int which)
{
	sqlite3_stmt *st = g->st[which];

	if (sqlite3_step(st) != SQLITE_DONE)
		die(sql_text[which], g->db);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
}

static void exec(struct gen *g, const char *sql)
{
	if (sqlite3_exec(g->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		die(sql, g->db);
}

static void prepare_all(struct gen *g)
{
	for (int i = 0; i < ST_COUNT; i++) {
		const char *sql = sql_text[i];
		if (sqlite3_prepare_v3(g->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &g->st[i],
				       NULL) != SQLITE_OK)
			die(sql, g->db);
	}
}

/* name_key (the folded name rapport looks people and organisations up by) goes last. */
static void bind_name_key(sqlite3_stmt *st, int idx, const char *name)
{
	sqlite3_bind_text(st, idx, text_fold(name), -1, free);
}

/* ---- organisations ---- */

/* The i-th distinct organisation name (a permutation of the word combinations). */
static void org_name(int64_t i, char *buf, size_t size)
{
	const int64_t np = COUNT(org_prefix), nc = COUNT(org_core), ns = COUNT(org_suffix);
	const int64_t total = np * nc * ns;
	int64_t k = (i % total) * 7919 % total;
	const char *suffix = org_suffix[k % ns];

	snprintf(buf, size, "%s %s%s%s", org_prefix[k / ns / nc], org_core[k / ns % nc],
		 *suffix ? " " : "", suffix);
	if (i >= total) {
		size_t len = strlen(buf);
		snprintf(buf + len, size - len, " %" PRId64, i / total + 1);
	}
}

static void gen_org(struct gen *g, int64_t id)
{
	sqlite3_stmt *st = g->st[ST_ORG];
	char name[128], slug[48], site[128], stamp[DATE_BUFSZ], notes[512];
	size_t len = 0;
	int64_t created = work_time(g->origin - 30 * DAY + below(SPAN_DAYS * DAY));

	org_name(id - 1, name, sizeof(name));
	slugify(slug, sizeof(slug), &len, name);
	for (size_t i = 0, n = 0; i <= len; i++)
		if (slug[i] != '-')
			g->domain[id - 1][n++] = slug[i];
	snprintf(site, sizeof(site), "https://%s.%s", g->domain[id - 1], PICK(tlds));
	sqlite3_bind_int64(st, 1, id);
	bind_txt(st, 2, name);
	bind_txt(st, 3, chance(80) ? site : NULL);
	bind_txt(st, 4, chance(70) ? PICK(cities) : NULL);
	notes[0] = '\0';
	if (chance(20))
		make_notes(notes, sizeof(notes), (int)between(5, 30));
	bind_txt(st, 5, notes[0] ? notes : NULL);
	fmt_time(created, 2, stamp);
	bind_txt(st, 6, stamp);
	bind_txt(st, 7, stamp);
	bind_name_key(st, 8, name);
	run(g, ST_ORG);
}

static void gen_orgs(struct gen *g)
{
	g->domain = calloc((size_t)g->norgs, sizeof(g->domain[0]));
	if (!g->domain)
		die("out of memory", NULL);
	for (int64_t id = 1; id <= g->norgs; id++)
		gen_org(g, id);
}

/* ---- people ---- */

/* The organisation of person id, or 0: fixed by id so that opportunities can find people. */
static int64_t person_org(const struct gen *g, int64_t id)
{
	if (mix((uint64_t)id) % 100 < 15)
		return 0;
	return (id - 1) % g->norgs + 1;
}

static const struct culture *pick_culture(void)
{
	int total = 0, r;

	for (size_t i = 0; i < COUNT(cultures); i++)
		total += cultures[i].weight;
	r = (int)below(total);
	for (size_t i = 0; i < COUNT(cultures); i++)
		if ((r -= cultures[i].weight) < 0)
			return &cultures[i];
	return &cultures[0];
}

/* A full name in name and an e-mail-safe "first.last" in ascii; returns the first name. */
static const char *person_name(char *name, size_t nsize, char *ascii, size_t asize)
{
	const struct culture *c = pick_culture();
	const struct name *f = &c->first[below((int64_t)c->nfirst)];
	const struct name *l = &c->last[below((int64_t)c->nlast)];

	if (c->family_first)
		snprintf(name, nsize, "%s%s%s", l->text, c->family_first == 1 ? " " : "", f->text);
	else
		snprintf(name, nsize, "%s %s", f->text, l->text);
	snprintf(ascii, asize, "%s.%s", f->ascii, l->ascii);
	return f->text;
}

static void bind_contact(struct gen *g, sqlite3_stmt *st, int64_t id, int64_t org,
			 const char *ascii)
{
	static const int country[] = { 44, 49, 33, 1, 31, 46 };
	char email[160], phone[40], linkedin[160], handle[96];
	size_t len = 0;

	if (org && chance(85))
		snprintf(email, sizeof(email), "%s@%s.%s", ascii, g->domain[org - 1], PICK(tlds));
	else
		snprintf(email, sizeof(email), "%s%d@%s", ascii, (int)below(100),
			 chance(60) ? "gmail.com" : "outlook.com");
	bind_txt(st, 5, chance(90) ? email : NULL);
	snprintf(phone, sizeof(phone), "+%d %d %04d %04d", PICK(country),
		 (int)between(20, 99), (int)below(10000), (int)below(10000));
	bind_txt(st, 6, chance(40) ? phone : NULL);
	slugify(handle, sizeof(handle), &len, ascii);
	snprintf(linkedin, sizeof(linkedin), "https://www.linkedin.com/in/%s-%" PRIx64, handle,
		 mix((uint64_t)id) & 0xffff);
	bind_txt(st, 7, chance(50) ? linkedin : NULL);
}

static void gen_tags(struct gen *g, int64_t id)
{
	int n = chance(40) ? (int)between(1, 3) : 0;
	size_t first = (size_t)below((int64_t)COUNT(tags));

	/* consecutive tags from a random start: distinct without a retry loop */
	for (int k = 0; k < n; k++) {
		sqlite3_bind_int64(g->st[ST_TAG], 1, id);
		bind_txt(g->st[ST_TAG], 2, tags[(first + (size_t)k * 5) % COUNT(tags)]);
		run(g, ST_TAG);
		g->ntags++;
	}
}

static void gen_person(struct gen *g, int64_t id)
{
	static const int cadences[] = { 14, 21, 30, 45, 60, 90, 180 };
	sqlite3_stmt *st = g->st[ST_PERSON];
	char name[160], ascii[96], notes[512], created[DATE_BUFSZ], updated[DATE_BUFSZ];
	int64_t org = person_org(g, id);
	int64_t t = g->origin + (SPAN_DAYS * DAY) * (id - 1) / g->npeople;

	g->first[id - 1] = person_name(name, sizeof(name), ascii, sizeof(ascii));
	sqlite3_bind_int64(st, 1, id);
	bind_txt(st, 2, name);
	bind_num(st, 3, org, 1);
	bind_txt(st, 4, chance(90) ? PICK(person_titles) : NULL);
	bind_contact(g, st, id, org, ascii);
	bind_num(st, 8, chance(70) ? between(0, 5) : -1, 0);
	bind_num(st, 9, chance(15) ? PICK(cadences) : -1, 1);
	notes[0] = '\0';
	if (chance(10))
		make_notes(notes, sizeof(notes), (int)between(5, 40));
	bind_txt(st, 10, notes[0] ? notes : NULL);
	fmt_time(past(g->now, work_time(t)), 2, created);
	fmt_time(past(g->now, work_time(t + below(g->now - t))), 2, updated);
	bind_txt(st, 11, created);
	bind_txt(st, 12, strcmp(updated, created) > 0 ? updated : created);
	bind_name_key(st, 13, name);
	run(g, ST_PERSON);
	gen_tags(g, id);
}

static void gen_people(struct gen *g)
{
	g->first = calloc((size_t)g->npeople, sizeof(*g->first));
	if (!g->first)
		die("out of memory", NULL);
	for (int64_t id = 1; id <= g->npeople; id++) {
		gen_person(g, id);
		if (id % BATCH == 0 || id == g->npeople) {
			run(g, ST_MOVE_P);
			run(g, ST_CLEAR_P);
		}
	}
}

/* Any person; one in ten picks is among the few close contacts (ids 1..nclose, scattered). */
static int64_t any_person(const struct gen *g)
{
	if (chance(10))
		return (int64_t)(mix((uint64_t)below(g->nclose)) % (uint64_t)g->npeople) + 1;
	return below(g->npeople) + 1;
}

/* A person of organisation org when one exists, else anyone. */
static int64_t person_of_org(const struct gen *g, int64_t org)
{
	for (int tries = 0; tries < 8; tries++) {
		int64_t id = org + below((g->npeople + g->norgs - 1) / g->norgs) * g->norgs;
		if (id <= g->npeople && person_org(g, id) == org)
			return id;
	}
	return any_person(g);
}

/* ---- opportunities ---- */

/* The stages an opportunity went through, ending at final. */
static int stage_path(int final, int *path)
{
	int n = 0, last;

	if (final <= ACCEPTED)
		last = final;
	else if (final == DECLINED)
		last = chance(30) ? NEGOTIATING : OFFER;
	else if (final == REJECTED)
		last = (int)between(APPLIED, chance(10) ? OFFER : INTERVIEWING);
	else
		last = (int)between(LEAD, NEGOTIATING);
	for (int s = LEAD; s <= last; s++) {
		if ((s == CONVERSATION && s != last && chance(30)) ||
		    (s == NEGOTIATING && s != last && chance(40)))
			continue;
		path[n++] = s;
	}
	if (final > ACCEPTED)
		path[n++] = final;
	return n;
}

static int pick_stage(void)
{
	int total = 0, r;

	for (size_t i = 0; i < COUNT(stage_weight); i++)
		total += stage_weight[i];
	r = (int)below(total);
	for (size_t i = 0; i < COUNT(stage_weight); i++)
		if ((r -= stage_weight[i]) < 0)
			return (int)i;
	return LEAD;
}

/* Stages and their moments; open ones end recently, closed ones anywhere in the span. */
static void plan_opp(struct gen *g, struct opp_info *o)
{
	int64_t gaps = 0, t;
	int final = pick_stage();

	o->nstages = stage_path(final, o->stages);
	o->at[0] = 0;
	for (int k = 1; k < o->nstages; k++)
		o->at[k] = o->at[k - 1] + between(2 * DAY, 20 * DAY);
	gaps = o->at[o->nstages - 1];
	if (final < ACCEPTED)
		t = g->now - below(60 * DAY) - gaps - DAY;
	else
		t = g->origin + below(SPAN_DAYS * DAY - gaps - 2 * DAY);
	for (int k = 0; k < o->nstages; k++)
		o->at[k] = work_time(t + o->at[k]);
	for (int k = 1; k < o->nstages; k++)
		if (o->at[k] <= o->at[k - 1])
			o->at[k] = o->at[k - 1] + 60;
	o->start = o->at[0];
	o->end = final < ACCEPTED ? g->now : o->at[o->nstages - 1];
	o->org = below(g->norgs) + 1;
}

static int by_start(const void *a, const void *b)
{
	const struct opp_info *x = a, *y = b;
	return (x->start > y->start) - (x->start < y->start);
}

/* org-title, then org-title-2, -3... until free. */
static void make_slug(struct gen *g, const char *org, const char *title, char *buf, size_t size)
{
	size_t len = 0, base;

	slugify(buf, size, &len, org);
	buf[len++] = '-';
	slugify(buf, size, &len, title);
	base = len;
	for (int n = 2;; n++) {
		sqlite3_stmt *st = g->st[ST_SLUG];
		int rc;
		sqlite3_bind_text(st, 1, buf, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc == SQLITE_DONE)
			return;
		if (rc != SQLITE_ROW)
			die("cannot check a slug", g->db);
		snprintf(buf + base, size - base, "-%d", n);
	}
}

static void bind_salary(sqlite3_stmt *st, const struct opp_info *o)
{
	int64_t target = between(60, 220) * 1000;
	int64_t low = target - between(0, 20) * 1000;
	int final = o->stages[o->nstages - 1];
	int offered = final >= OFFER && final <= DECLINED;

	bind_num(st, 9, chance(60) ? target : -1, 0);
	if (chance(50)) {
		sqlite3_bind_int64(st, 10, low);
		sqlite3_bind_int64(st, 11, low + between(10, 40) * 1000);
	}
	bind_num(st, 12, offered ? target + between(-15, 25) * 1000 : -1, 0);
}

static void insert_opp(struct gen *g, int64_t id, const struct opp_info *o)
{
	sqlite3_stmt *st = g->st[ST_OPP];
	char org[128], slug[256], url[320], notes[512], created[DATE_BUFSZ], changed[DATE_BUFSZ];
	const char *title = PICK(job_titles);
	int final = o->stages[o->nstages - 1];

	org_name(o->org - 1, org, sizeof(org));
	make_slug(g, org, title, slug, sizeof(slug));
	snprintf(url, sizeof(url), "https://jobs.%s.%s/%s", g->domain[o->org - 1], PICK(tlds),
		 slug);
	fmt_time(o->start, 2, created);
	fmt_time(o->at[o->nstages - 1], 2, changed);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, o->org);
	bind_txt(st, 3, title);
	bind_txt(st, 4, slug);
	bind_txt(st, 5, chance(60) ? PICK(levels) : NULL);
	bind_txt(st, 6, final >= OFFER && final <= DECLINED ? PICK(levels) : NULL);
	bind_txt(st, 7, chance(80) ? PICK(sources) : NULL);
	bind_txt(st, 8, chance(70) ? url : NULL);
	bind_salary(st, o);
	bind_txt(st, 13, stage_names[final]);
	bind_txt(st, 14, changed);
	notes[0] = '\0';
	if (chance(40))
		make_notes(notes, sizeof(notes), (int)between(5, 50));
	bind_txt(st, 15, notes[0] ? notes : NULL);
	bind_txt(st, 16, created);
	bind_txt(st, 17, changed);
	run(g, ST_OPP);
}

static void insert_history(struct gen *g, int64_t id, const struct opp_info *o)
{
	sqlite3_stmt *st = g->st[ST_STAGE];
	char at[DATE_BUFSZ];

	for (int k = 0; k < o->nstages; k++) {
		fmt_time(o->at[k], 2, at);
		sqlite3_bind_int64(st, 1, id);
		bind_txt(st, 2, k ? stage_names[o->stages[k - 1]] : NULL);
		bind_txt(st, 3, stage_names[o->stages[k]]);
		bind_txt(st, 4, at);
		bind_txt(st, 5, k && chance(25) ? PICK(stage_notes) : NULL);
		run(g, ST_STAGE);
		g->nstage_changes++;
	}
}

/* 1-5 distinct people, mostly from the organisation, with roles. */
static void insert_links(struct gen *g, int64_t id, struct opp_info *o)
{
	sqlite3_stmt *st = g->st[ST_LINK];
	int want = (int)between(1, 5);
	char at[DATE_BUFSZ];

	for (int tries = 0; o->npeople < want && tries < 20; tries++) {
		int64_t p = chance(80) ? person_of_org(g, o->org) : any_person(g);
		int dup = 0;
		for (int k = 0; k < o->npeople; k++)
			dup |= o->people[k] == p;
		if (dup)
			continue;
		o->people[o->npeople++] = p;
		fmt_time(past(g->now, work_time(o->start + below(o->end - o->start + 1))), 2, at);
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, p);
		bind_txt(st, 3, o->npeople == 1 ? (chance(50) ? "recruiter" : "hiring-manager")
						: PICK(roles));
		bind_txt(st, 4, at);
		run(g, ST_LINK);
		g->nlinks++;
	}
}

static void gen_opps(struct gen *g)
{
	g->opps = calloc((size_t)g->nopps, sizeof(*g->opps));
	if (!g->opps)
		die("out of memory", NULL);
	for (int64_t i = 0; i < g->nopps; i++)
		plan_opp(g, &g->opps[i]);
	qsort(g->opps, (size_t)g->nopps, sizeof(*g->opps), by_start);
	for (int64_t i = 0; i < g->nopps; i++) {
		insert_opp(g, i + 1, &g->opps[i]);
		insert_history(g, i + 1, &g->opps[i]);
		insert_links(g, i + 1, &g->opps[i]);
	}
}

/* Index of the first opportunity that started after t. */
static int64_t opps_started_by(const struct gen *g, int64_t t)
{
	int64_t lo = 0, hi = g->nopps;

	while (lo < hi) {
		int64_t mid = lo + (hi - lo) / 2;
		if (g->opps[mid].start <= t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* An opportunity open at moment t (its index), or -1 when a few tries find none. */
static int64_t opp_at(const struct gen *g, int64_t t)
{
	int64_t hi = opps_started_by(g, t), lo = opps_started_by(g, t - 230 * DAY);

	for (int tries = 0; hi > lo && tries < 6; tries++) {
		int64_t k = between(lo, hi - 1);
		if (g->opps[k].end >= t)
			return k;
	}
	return -1;
}

/* ---- interactions ---- */

/* 1-3 distinct people: from the opportunity when there is one. */
static int interaction_people(const struct gen *g, const struct opp_info *o, int64_t *out)
{
	int want = (int)between(1, 3), n = 0;

	if (o && want > o->npeople)
		want = o->npeople;
	for (int tries = 0; n < want && tries < 12; tries++) {
		int64_t p = o ? o->people[below(o->npeople)] : any_person(g);
		int dup = 0;
		for (int k = 0; k < n; k++)
			dup |= out[k] == p;
		if (!dup)
			out[n++] = p;
	}
	return n;
}

/* A summary fitting the kind, naming first. */
static void interaction_summary(const char *kind, const char *first, char *buf, size_t size)
{
	const char *tmpl;

	if (!strcmp(kind, "email") || !strcmp(kind, "letter") || !strcmp(kind, "message"))
		tmpl = PICK(summaries_email);
	else if (!strcmp(kind, "interview"))
		tmpl = PICK(summaries_interview);
	else if (!strcmp(kind, "note"))
		tmpl = PICK(summaries_note);
	else
		tmpl = PICK(summaries_talk);
	expand(buf, size, tmpl, first);
}

static void insert_interaction(struct gen *g, int64_t id, int64_t t)
{
	sqlite3_stmt *st = g->st[ST_INTERACTION];
	const char *kind = pick_kind(interaction_kinds, COUNT(interaction_kinds));
	int64_t k = chance(strcmp(kind, "interview") ? 40 : 95) ? opp_at(g, t) : -1;
	struct opp_info *o = k >= 0 ? &g->opps[k] : NULL;
	char at[DATE_BUFSZ], created[DATE_BUFSZ], summary[256], notes[1024];
	int64_t people[3];
	int n = interaction_people(g, o, people);

	fmt_time(t, chance(90) ? 1 : 0, at);
	fmt_time(t + between(60, 3 * 3600), 2, created);
	sqlite3_bind_int64(st, 1, id);
	bind_txt(st, 2, kind);
	bind_txt(st, 3, at);
	bind_txt(st, 4, !strcmp(kind, "note") || chance(50) ? "out" : "in");
	bind_num(st, 5, o ? k + 1 : 0, 1);
	interaction_summary(kind, g->first[people[0] - 1], summary, sizeof(summary));
	bind_txt(st, 6, summary);
	notes[0] = '\0';
	if (chance(30))
		make_notes(notes, sizeof(notes), (int)between(8, 60));
	bind_txt(st, 7, notes[0] ? notes : NULL);
	bind_num(st, 8, strcmp(kind, "email") && chance(40) ? between(1, 5) : -1, 1);
	bind_txt(st, 9, created);
	run(g, ST_INTERACTION);
	for (int j = 0; j < n; j++) {
		sqlite3_bind_int64(g->st[ST_IP], 1, id);
		sqlite3_bind_int64(g->st[ST_IP], 2, people[j]);
		run(g, ST_IP);
	}
	g->nip += n;
}

/* Move the staged interactions (and their people) into the database. */
static void flush_interactions(struct gen *g)
{
	run(g, ST_MOVE_I);
	run(g, ST_MOVE_IP);
	run(g, ST_CLEAR_I);
	run(g, ST_CLEAR_IP);
}

/* In time order over the span, during working hours, none today. */
static void gen_interactions(struct gen *g)
{
	int64_t first_day = g->origin / DAY;

	for (int64_t i = 0; i < g->ninteractions; i++) {
		int64_t day = i * SPAN_DAYS / g->ninteractions;
		int64_t frac = i * SPAN_DAYS % g->ninteractions;
		int64_t minutes = frac * (11 * 60) / g->ninteractions; /* from 08:00 to 19:00 */
		insert_interaction(g, i + 1, (first_day + day) * DAY + 8 * 3600 + minutes * 60);
		if ((i + 1) % BATCH == 0)
			flush_interactions(g);
	}
	flush_interactions(g);
}

/* ---- tasks ---- */

static void task_why(const char *origin, int64_t due, char *buf, size_t size)
{
	static const int cadences[] = { 14, 30, 60, 90 };
	char day[DATE_BUFSZ];

	fmt_time(due - between(3, 60) * DAY, 0, day);
	if (!strcmp(origin, "cadence"))
		snprintf(buf, size, "No contact since %s (keep in touch every %d days)", day,
			 PICK(cadences));
	else if (!strcmp(origin, "thank-you"))
		snprintf(buf, size, "Interview on %s", day);
	else if (!strcmp(origin, "follow-up"))
		snprintf(buf, size, "No reply since %s", day);
	else if (!strcmp(origin, "stale-opportunity"))
		snprintf(buf, size, "No activity since %s", day);
	else
		snprintf(buf, size, "Offer received on %s", day);
}

/* Title, kind, person and opportunity of a task due at t. */
static void bind_task_subject(struct gen *g, sqlite3_stmt *st, int64_t t)
{
	int64_t k = chance(40) ? opp_at(g, t < g->now ? t : g->now) : -1;
	const struct opp_info *o = k >= 0 ? &g->opps[k] : NULL;
	int64_t person = o && chance(70) ? o->people[below(o->npeople)]
		       : chance(60)   ? any_person(g)
				      : 0;
	const struct task_title *tt = &PICK(task_titles);
	char title[256];

	expand(title, sizeof(title), tt->tmpl, g->first[(person ? person : any_person(g)) - 1]);
	bind_txt(st, 2, title);
	bind_txt(st, 3, tt->kind);
	bind_num(st, 6, person, 1);
	bind_num(st, 7, o ? k + 1 : 0, 1);
}

static void insert_task(struct gen *g, int64_t id, int64_t due, int open)
{
	sqlite3_stmt *st = g->st[ST_TASK];
	const char *origin = chance(60) ? "manual" : PICK(rule_origins);
	char duebuf[DATE_BUFSZ], created[DATE_BUFSZ], done[DATE_BUFSZ], why[256];
	int64_t made = work_time((due < g->now ? due : g->now) - between(1, 20) * DAY);
	int64_t closed = work_time(due + between(-3, 5) * DAY);

	if (closed <= made)
		closed = made + between(600, 7200);
	fmt_due(due, chance(80) ? 0 : 1, duebuf);
	fmt_time(made, 2, created);
	fmt_time(past(g->now, closed), 2, done);
	task_why(origin, due, why, sizeof(why));
	sqlite3_bind_int64(st, 1, id);
	bind_task_subject(g, st, due);
	bind_txt(st, 4, duebuf);
	bind_txt(st, 5, open ? "open" : chance(80) ? "done" : "skipped");
	bind_txt(st, 8, origin);
	bind_txt(st, 9, strcmp(origin, "manual") ? why : NULL);
	bind_txt(st, 10, created);
	bind_txt(st, 11, open ? NULL : done);
	run(g, ST_TASK);
}

/* Closed tasks in due order over the span, then the open ones (0.5%): a few
 * overdue by up to two weeks, most in the next three months. */
static void gen_tasks(struct gen *g)
{
	int64_t closed = g->ntasks - g->ntasks / 200;

	g->nopen = g->ntasks - closed;
	for (int64_t i = 0; i < g->ntasks; i++) {
		int64_t due = g->origin + (SPAN_DAYS * DAY) * i / closed;
		if (i < closed)
			insert_task(g, i + 1, work_time(due), 0);
		else
			insert_task(g, i + 1, work_time(g->now + between(-14, 90) * DAY), 1);
		if ((i + 1) % BATCH == 0 || i + 1 == g->ntasks) {
			run(g, ST_MOVE_T);
			run(g, ST_CLEAR_T);
		}
	}
}

/* ---- main ---- */

static void usage(void)
{
	fprintf(stderr, "usage: gen-db PATH [--people N] [--interactions N] [--tasks N]"
			" [--opportunities N] [--seed S] [--check]\n");
	exit(2);
}

static int64_t parse_count(const char *opt, const char *s, int64_t min)
{
	char *end;
	long long v;

	errno = 0;
	v = s ? strtoll(s, &end, 10) : 0;
	if (!s || errno || *end || v < min || v > 100000000) {
		fprintf(stderr, "gen-db: %s needs a number from %lld to 100000000\n", opt,
			(long long)min);
		exit(2);
	}
	return v;
}

static void parse_args(struct gen *g, int argc, char **argv, uint64_t *seed, int *want_check)
{
	g->npeople = 100000, g->ninteractions = 1000000, g->ntasks = 200000;
	*seed = 1;
	g->nopps = 0; /* people / 50 unless given */
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (!strcmp(a, "--people"))
			g->npeople = parse_count(a, v, 20), i++;
		else if (!strcmp(a, "--interactions"))
			g->ninteractions = parse_count(a, v, 1), i++;
		else if (!strcmp(a, "--tasks"))
			g->ntasks = parse_count(a, v, 1), i++;
		else if (!strcmp(a, "--opportunities"))
			g->nopps = parse_count(a, v, 1), i++;
		else if (!strcmp(a, "--seed"))
			*seed = (uint64_t)parse_count(a, v, 0), i++;
		else if (!strcmp(a, "--check"))
			*want_check = 1;
		else if (a[0] == '-' || db_path)
			usage();
		else
			db_path = a;
	}
	if (!db_path)
		usage();
	g->norgs = g->npeople / 20;
	/* a job seeker's own search has tens of opportunities, more than
	 * people / 50 gives at a practice client's size (bench/gen-practice) */
	if (!g->nopps)
		g->nopps = g->npeople / 50 > 0 ? g->npeople / 50 : 1;
	g->nclose = g->npeople / 100 > 0 ? g->npeople / 100 : 1;
}

/* Refuse an existing path, then make PATH.part, where rapport lays out the schema. */
static struct store *open_new(struct gen *g)
{
	struct error err = ERROR_INIT;
	struct store *s;
	const struct datetime *now;
	int fd = -1;

	if (access(db_path, F_OK) == 0) {
		fprintf(stderr, "gen-db: '%s' already exists (remove it first)\n", db_path);
		exit(1);
	}
	if (errno != ENOENT) {
		fprintf(stderr, "gen-db: cannot create '%s': %s\n", db_path, strerror(errno));
		exit(1);
	}
	if ((size_t)snprintf(work_path, sizeof(work_path), "%s.part", db_path) < sizeof(work_path))
		fd = open(work_path, O_WRONLY | O_CREAT | O_EXCL, 0644);
	if (fd < 0) {
		fprintf(stderr, "gen-db: cannot create '%s.part': %s\n", db_path,
			errno == EEXIST ? "it exists (an interrupted run? remove it)" : strerror(errno));
		exit(1);
	}
	close(fd);
	if (store_open(&s, work_path, 0, &err)) {
		fprintf(stderr, "gen-db: %s\n", err.msg);
		die("cannot open the new database", NULL);
	}
	g->db = db_sqlite_of(s);
	now = store_now(s);
	g->now = (int64_t)date_to_days(now) * DAY + now->hour * 3600 + now->minute * 60 +
		 now->second;
	g->origin = g->now - SPAN_DAYS * DAY;
	return s;
}

/* Give the complete database its name (never over an existing file). */
static void finish(void)
{
	if (link(work_path, db_path) != 0) {
		fprintf(stderr, "gen-db: cannot name the database '%s': %s\n", db_path,
			strerror(errno));
		die("giving up", NULL);
	}
	unlink(work_path);
}

static double seconds_since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

/* Note how long the phase that just ended took. */
static void phase(struct gen *g, const char *name)
{
	size_t len = strlen(g->phases);

	snprintf(g->phases + len, sizeof(g->phases) - len, "%s%s %.1f s", len ? ", " : "", name,
		 seconds_since(&g->mark));
	clock_gettime(CLOCK_MONOTONIC, &g->mark);
}

static void first_value(struct gen *g, const char *sql, char *buf, size_t size);

/* The person_contact trigger updates a person per row of interaction_person:
 * right for a person's day-to-day use, far too slow for two million rows.
 * Take it off while loading and compute every last contact at once. */
static void without_contact_trigger(struct gen *g, void (*load)(struct gen *))
{
	char sql[1024];

	first_value(g, "SELECT sql FROM sqlite_schema WHERE type = 'trigger'"
		       " AND name = 'interaction_person_contact'", sql, sizeof(sql));
	if (!sql[0])
		die("the schema has no interaction_person_contact trigger", NULL);
	exec(g, "DROP TRIGGER interaction_person_contact");
	load(g);
	exec(g, "UPDATE person SET last_contact ="
		" (SELECT max(at) FROM interaction_person WHERE person_id = person.id)");
	exec(g, sql);
}

/* A database in use has had its lapsed cadences handled as they came (a
 * note sent, or the cadence dropped); keep one lapsed cadence in fifty, so
 * that the keep-in-touch rule has some work but not years of backlog. */
static void settle_cadences(struct gen *g)
{
	char sql[512], today[DATE_BUFSZ];

	fmt_time(g->now, 0, today);
	/* the next touch, as SQL_NEXT_TOUCH in store/store_internal.h writes it */
	snprintf(sql, sizeof(sql), "UPDATE person SET cadence = NULL WHERE cadence IS NOT NULL"
		 " AND date(coalesce(last_contact, created_at), '+' || cadence || ' days') < '%s'"
		 " AND id %% 50 != 0", today);
	exec(g, sql);
}

/*
 * Fill the tables in one transaction, fast: no journal (any error removes the
 * file), no syncs, and no foreign key checks (the ids are right by
 * construction; --check verifies them).
 */
static void fill(struct gen *g)
{
	exec(g, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF;"
		"PRAGMA cache_size = -524288; PRAGMA temp_store = MEMORY");
	exec(g, SQL_STAGING);
	prepare_all(g);
	exec(g, "BEGIN");
	clock_gettime(CLOCK_MONOTONIC, &g->mark);
	gen_orgs(g);
	gen_people(g);
	phase(g, "people");
	gen_opps(g);
	without_contact_trigger(g, gen_interactions);
	settle_cadences(g);
	phase(g, "interactions");
	gen_tasks(g);
	phase(g, "tasks");
	exec(g, "COMMIT");
	phase(g, "commit");
	for (int i = 0; i < ST_COUNT; i++)
		sqlite3_finalize(g->st[i]);
	/* Loading in batches leaves the full-text index in thousands of small
	 * segments; a database that grew over months has had them merged. */
	exec(g, "INSERT INTO search_index(search_index) VALUES ('optimize')");
	phase(g, "optimize");
	exec(g, "ANALYZE; PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON");
	phase(g, "analyze");
}

/* The first value sql returns, as text, into buf ("" when it returns no row). */
static void first_value(struct gen *g, const char *sql, char *buf, size_t size)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(g->db, sql, -1, &st, NULL) != SQLITE_OK)
		die(sql, g->db);
	buf[0] = '\0';
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(buf, size, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

/* --check: every foreign key resolves, the search index matches, the file is sound. */
static void check(struct gen *g)
{
	char buf[256];

	first_value(g, "SELECT \"table\" || ' row ' || rowid || ' -> ' || parent"
		       " FROM pragma_foreign_key_check", buf, sizeof(buf));
	if (buf[0]) {
		fprintf(stderr, "gen-db: a foreign key does not resolve: %s\n", buf);
		exit(1);
	}
	exec(g, "INSERT INTO search_index(search_index) VALUES ('integrity-check')");
	first_value(g, "PRAGMA integrity_check(1)", buf, sizeof(buf));
	if (strcmp(buf, "ok")) {
		fprintf(stderr, "gen-db: integrity check: %s\n", buf);
		exit(1);
	}
	phase(g, "check");
}

static void report(const struct gen *g, double secs)
{
	char now[DATE_BUFSZ];
	struct stat sb;

	fmt_time(g->now, 2, now);
	printf("gen-db: %s (now %s)\n", db_path, now);
	printf("  %" PRId64 " organisations, %" PRId64 " people (%" PRId64 " tags),"
	       " %" PRId64 " opportunities (%" PRId64 " stage changes, %" PRId64 " links)\n",
	       g->norgs, g->npeople, g->ntags, g->nopps, g->nstage_changes, g->nlinks);
	printf("  %" PRId64 " interactions (%" PRId64 " people in them), %" PRId64
	       " tasks (%" PRId64 " open)\n", g->ninteractions, g->nip, g->ntasks, g->nopen);
	printf("  %.1f MB in %.1f s (%s)\n", stat(db_path, &sb) ? 0.0 : (double)sb.st_size / 1e6,
	       secs, g->phases);
}

int main(int argc, char **argv)
{
	struct gen g = { 0 };
	struct timespec t0;
	struct store *s;
	uint64_t seed;
	int want_check = 0;

	parse_args(&g, argc, argv, &seed, &want_check);
	rng_state = mix(seed + 1);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	s = open_new(&g);
	fill(&g);
	if (want_check)
		check(&g);
	store_close(s);
	finish();
	report(&g, seconds_since(&t0));
	free(g.domain);
	free(g.opps);
	free(g.first);
	return 0;
}
