import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import en from "./locales/en";
import es from "./locales/es";
import pt from "./locales/pt";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const variables = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const source = flatten(es);
const others = { pt: flatten(pt as Tree), en: flatten(en as Tree) };

describe("translations", () => {
  it.each(Object.entries(others))("%s has every Spanish key, with text", (_lang, messages) => {
    const missing = [...source.keys()].filter((key) => !messages.has(key));
    expect(missing).toEqual([]);
    const empty = [...messages].filter(([, text]) => !text.trim()).map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it.each(Object.entries(others))("%s has no keys that Spanish lacks", (_lang, messages) => {
    expect([...messages.keys()].filter((key) => !source.has(key))).toEqual([]);
  });

  it.each(Object.entries(others))("%s uses the same {{variables}} as Spanish", (_lang, messages) => {
    const mismatched = [...source].filter(([key, text]) =>
      JSON.stringify(variables(text)) !== JSON.stringify(variables(messages.get(key) ?? "")))
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it("has a Spanish text for every literal key the code uses", () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name) && !name.endsWith(".test.ts") && !path.includes("locales")) files.push(path);
      }
    };
    walk(join(__dirname, ".."));
    const used = new Set<string>();
    for (const file of files) {
      const code = readFileSync(file, "utf8");
      for (const m of code.matchAll(/\bt\(\s*"([a-zA-Z]+(?:\.[a-zA-Z_]+)+)"/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(50);
    // Plural keys live as key_one / key_other.
    const known = (key: string) => source.has(key) || source.has(`${key}_other`);
    expect([...used].filter((key) => !known(key))).toEqual([]);
  });
});
