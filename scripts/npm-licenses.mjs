// Reads `npm query '*'` (every package of ui/node_modules, as JSON) on
// standard input and fails, naming them, when a package's licence is not one
// of those allowed below. An SPDX expression passes when one side of each OR
// (and both sides of each AND) is allowed. Run by scripts/check-deps.

const ALLOWED = new Set([
  "MIT",
  "MIT-0",
  "ISC",
  "Apache-2.0",
  "BSD-2-Clause",
  "BSD-3-Clause",
  "0BSD",
  "CC0-1.0",
  "Unlicense",
  // minimatch and its glob matcher (build tools only).
  "BlueOak-1.0.0",
  // argparse, through ESLint's YAML reader (build tools only).
  "Python-2.0",
]);

function allowed(expression) {
  const bare = expression.replace(/[()]/g, " ").trim();
  return bare
    .split(/\s+OR\s+/)
    .some((side) => side.split(/\s+AND\s+/).every((l) => ALLOWED.has(l.trim())));
}

let text = "";
process.stdin.on("data", (d) => (text += d));
process.stdin.on("end", () => {
  const packages = JSON.parse(text);
  const refused = [];
  let checked = 0;
  for (const p of packages) {
    if (p.private && p.location === "") continue; // the front end itself
    checked += 1;
    const licence = typeof p.license === "string" ? p.license : p.license?.type;
    if (!licence || !allowed(licence)) {
      refused.push(`${p.name}@${p.version}: ${licence ?? "no licence stated"}`);
    }
  }
  if (refused.length > 0) {
    console.error(`Licences not allowed (scripts/npm-licenses.mjs):\n  ${refused.join("\n  ")}`);
    process.exit(1);
  }
  console.log(`${checked} npm packages, every licence allowed.`);
});
