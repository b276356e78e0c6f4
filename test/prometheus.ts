/**
 * A strict reader of the Prometheus text exposition format (version 0.0.4), checking what
 * `promtool check metrics` checks: valid metric and label names, one HELP and one TYPE per
 * family before its samples, counters named *_total, parseable values, no duplicate
 * series, and well-formed histograms (cumulative buckets ending at +Inf, _count equal to
 * the +Inf bucket, a _sum).
 */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Family {
  name: string;
  help?: string;
  type?: string;
  samples: Sample[];
}

const METRIC = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const TYPES = new Set(["counter", "gauge", "histogram", "summary", "untyped"]);

function parseValue(text: string): number {
  if (text === "+Inf") return Infinity;
  if (text === "-Inf") return -Infinity;
  if (text === "NaN") return NaN;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) throw new Error(`bad value ${text}`);
  return Number(text);
}

function parseLabels(text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  let i = 0;
  while (i < text.length) {
    const eq = text.indexOf("=", i);
    if (eq < 0) throw new Error(`bad labels {${text}}`);
    const name = text.slice(i, eq).trim();
    if (!LABEL.test(name) || name.startsWith("__")) throw new Error(`bad label name ${name}`);
    if (text[eq + 1] !== '"') throw new Error(`unquoted value for ${name}`);
    let value = "";
    let j = eq + 2;
    for (; j < text.length && text[j] !== '"'; j++) {
      if (text[j] === "\\") {
        const next = text[++j];
        value += next === "n" ? "\n" : next;
      } else value += text[j];
    }
    if (j >= text.length) throw new Error(`unterminated value for ${name}`);
    if (name in labels) throw new Error(`label ${name} twice`);
    labels[name] = value;
    i = j + 1;
    if (text[i] === ",") i++;
  }
  return labels;
}

/** The family a sample belongs to (histogram and summary series carry suffixes). */
function familyOf(name: string, families: Map<string, Family>): Family | undefined {
  if (families.has(name)) return families.get(name);
  for (const suffix of ["_bucket", "_sum", "_count"]) {
    if (!name.endsWith(suffix)) continue;
    const f = families.get(name.slice(0, -suffix.length));
    if (f && (f.type === "histogram" || (f.type === "summary" && suffix !== "_bucket"))) return f;
  }
  return undefined;
}

export function parsePrometheus(text: string): { families: Map<string, Family>; problems: string[] } {
  const families = new Map<string, Family>();
  const problems: string[] = [];
  const seen = new Set<string>();
  const family = (name: string) => {
    if (!families.has(name)) families.set(name, { name, samples: [] });
    return families.get(name)!;
  };
  text.split("\n").forEach((line, index) => {
    const at = `line ${index + 1}`;
    if (!line.trim()) return;
    try {
      if (line.startsWith("#")) {
        const m = /^# (HELP|TYPE) (\S+) ?(.*)$/.exec(line);
        if (!m) return; // a plain comment
        const [, kind, name, rest] = m;
        if (!METRIC.test(name)) throw new Error(`bad metric name ${name}`);
        const f = family(name);
        if (f.samples.length) throw new Error(`${kind} for ${name} after its samples`);
        if (kind === "HELP") {
          if (f.help !== undefined) throw new Error(`second HELP for ${name}`);
          f.help = rest;
        } else {
          if (f.type !== undefined) throw new Error(`second TYPE for ${name}`);
          if (!TYPES.has(rest)) throw new Error(`bad type ${rest} for ${name}`);
          f.type = rest;
        }
        return;
      }
      const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)(?: (-?\d+))?$/.exec(line);
      if (!m) throw new Error(`not a sample: ${line}`);
      const [, name, labelText, valueText] = m;
      const sample = { name, labels: parseLabels(labelText ?? ""), value: parseValue(valueText) };
      const key = `${name}{${Object.entries(sample.labels)
        .sort()
        .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
        .join(",")}}`;
      if (seen.has(key)) throw new Error(`duplicate series ${key}`);
      seen.add(key);
      const f = familyOf(name, families);
      if (!f) throw new Error(`sample ${name} has no HELP/TYPE family`);
      f.samples.push(sample);
    } catch (err) {
      problems.push(`${at}: ${(err as Error).message}`);
    }
  });
  for (const f of families.values()) {
    if (f.help === undefined) problems.push(`${f.name}: no HELP`);
    if (f.type === undefined) problems.push(`${f.name}: no TYPE`);
    if (f.type === "counter" && !f.name.endsWith("_total")) problems.push(`${f.name}: a counter should end in _total`);
    if (f.type === "histogram") problems.push(...checkHistogram(f));
  }
  return { families, problems };
}

function checkHistogram(f: Family): string[] {
  const problems: string[] = [];
  const series = new Map<string, { buckets: [number, number][]; sum?: number; count?: number }>();
  for (const s of f.samples) {
    const { le, ...rest } = s.labels;
    const key = JSON.stringify(Object.entries(rest).sort());
    const entry = series.get(key) ?? { buckets: [] };
    series.set(key, entry);
    if (s.name === `${f.name}_bucket`) {
      if (le === undefined) problems.push(`${f.name}_bucket without le`);
      else entry.buckets.push([parseValue(le), s.value]);
    } else if (s.name === `${f.name}_sum`) entry.sum = s.value;
    else if (s.name === `${f.name}_count`) entry.count = s.value;
  }
  for (const [key, e] of series) {
    const sorted = [...e.buckets].sort((a, b) => a[0] - b[0]);
    if (sorted.at(-1)?.[0] !== Infinity) problems.push(`${f.name}${key}: no +Inf bucket`);
    for (let i = 1; i < sorted.length; i++)
      if (sorted[i][1] < sorted[i - 1][1]) problems.push(`${f.name}${key}: buckets are not cumulative`);
    if (e.count === undefined || e.sum === undefined) problems.push(`${f.name}${key}: no _count or _sum`);
    else if (sorted.length && sorted.at(-1)![1] !== e.count) problems.push(`${f.name}${key}: _count differs from the +Inf bucket`);
  }
  return problems;
}

/** Metric names a PromQL expression reads (functions, keywords, labels and grouping left out). */
export function metricsInPromQL(expr: string): string[] {
  const KEYWORDS = new Set(["by", "without", "on", "ignoring", "group_left", "group_right", "bool", "and", "or", "unless", "offset"]);
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, "")
    .replace(/(?<![a-zA-Z0-9_:])\d+(\.\d*)?([eE][-+]?\d+)?/g, "0");
  const names = new Set<string>();
  for (const m of stripped.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*/g)) {
    const after = stripped.slice(m.index! + m[0].length).trimStart();
    if (after.startsWith("(") || KEYWORDS.has(m[0]) || /^\$/.test(stripped[m.index! - 1] ?? "")) continue;
    if (/^\d/.test(m[0])) continue;
    names.add(m[0]);
  }
  return [...names];
}
