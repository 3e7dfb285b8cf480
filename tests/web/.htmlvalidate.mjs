// html-validate's rules for every page the end-to-end suite renders
// (tests/run validates them all at the end; tests/web/webreq.py keeps them).
// The recommended set: valid nesting and content models, unique ids, labels
// for every control, attributes and their values; the rules below are
// relaxed where rapport's choice is a matter of taste, each with why.
export default {
	extends: ["html-validate:recommended"],
	rules: {
		// Not in the recommended set: every control has a label.
		"input-missing-label": "error",
		// A group of checkboxes shares one name (stage=first&stage=final):
		// that is how the server reads a multiple choice (web_params keeps
		// every value); the rule allows it for radios only by default.
		"form-dup-name": ["error", { shared: ["radio", "checkbox", "button", "reset", "submit"] }],
		// A wide table scrolls in <div role="region" tabindex="0"
		// aria-label="...">, the pattern axe-core's scrollable-region rule
		// asks for; a <section> would be the same landmark by another name.
		"prefer-native-element": ["error", { exclude: ["region"] }],
		// aria-label on an element whose role may be named (the ladder's
		// <ol aria-label="The rungs, lowest first">): ARIA allows it and
		// screen readers read it; the rule's default only advises against it.
		"aria-label-misuse": ["error", { allowAnyNamable: true }],
		// A page's <title> names the record it shows, and a record's name
		// is the user's (t0960 and t2011 give hostile, long ones): a length
		// limit for search engines does not apply to a local tool.
		"long-title": "off",
	},
};
