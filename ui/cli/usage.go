package cli

var mainUsage = joinLines(
	"yunwei — tickets, approvals, record sheets and inspections for on-site maintenance",
	"",
	"Usage:",
	"  yunwei [--db PATH] [--lang zh|en] [--as USER]     start the terminal UI",
	"  yunwei demo [--tickets N] [--seed S]               fill a new database with demo data",
	"  yunwei ticket list [--json] [--status open|closed|all] [--mine] [--customer C] [--kind K] [--limit N]",
	"  yunwei ticket show ID [--json]",
	"  yunwei ticket new --kind K --title T --customer C [--site S] [options]",
	"  yunwei ticket edit ID FIELD=VALUE…                title, description, severity, channel, site, system, requester, on_site",
	"  yunwei ticket assign ID LOGIN|-",
	"  yunwei ticket comment ID TEXT",
	"  yunwei ticket act ID DECISION [--comment C] [--input NAME=VALUE]… [--contact NAME]",
	"  yunwei quota [--contract C]                        enhancement person-days used / left",
	"  yunwei customer|contract|site|system|contact|user list|add|edit …",
	"  yunwei calendar import FILE --contract C | show --contract C   holidays and make-up days (text or .ics)",
	"  yunwei check [--json] [--repair]                   SQLite integrity, event hashes, projections",
	"  yunwei --version | --help",
	"",
	"Global options (before or after the command):",
	"  --db PATH     the database (default: yunwei.db in the user data folder)",
	"  --lang zh|en  the language (default: from LC_ALL / LANG)",
	"  --as USER     act as this vendor user (login) instead of the database's profile user",
	"",
	"Headless terminal UI (benchmarks and tests; nothing is drawn on the terminal):",
	"  --first-frame       print the first full frame of the queue and exit",
	"  --keys SCRIPT       load every ticket, replay the keys, print the final frame;",
	"                      keys are separated by spaces: names (enter esc tab up down",
	"                      pgup pgdown space backspace ctrl+x …) or text typed as is;",
	"                      'quoted text' keeps its spaces. Example: --keys \"/ 打印 enter\"",
	"  --size WxH          the terminal size of those runs (default 100x30)",
	"",
	"Run `yunwei COMMAND --help` for a command's options.",
)

var demoUsage = joinLines(
	"Usage: yunwei demo [--db PATH] [--tickets N] [--seed S] [--anchor TIME]",
	"",
	"Fills a NEW database with realistic demo data in Chinese: three customers",
	"(a hospital, a water utility, a university), their contracts, sites, systems",
	"and contacts, four vendor users, and N tickets (default 500). The same seed",
	"and anchor give the same data. The anchor is the data's \"now\" (default: now).",
)

var checkUsage = joinLines(
	"Usage: yunwei check [--db PATH] [--json] [--repair]",
	"",
	"Runs SQLite's integrity check, re-verifies every event's hash and envelope,",
	"checks that each device's sequence has no gap, and rebuilds the projections",
	"in a scratch copy to compare them with the database's. --repair rebuilds",
	"the projections from the event log in place (the log is never changed).",
)
