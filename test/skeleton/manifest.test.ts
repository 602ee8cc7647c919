/* The add-in skeleton: manifest.xml declares what the add-in needs (namespace PRACTICE, one
 * long-lived shared runtime, ReadWriteDocument, the Home tab button), and the built
 * dist/functions.json lists the custom functions. Simple regex checks, no XML library;
 * the schema check itself is `npm run validate`. */

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = join(__dirname, "..", "..");
const manifest = readFileSync(join(root, "manifest.xml"), "utf8").replace(/<!--[\s\S]*?-->/g, "");

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) out[m[1]] = m[2];
  return out;
}

function startTags(name: string, text = manifest): Record<string, string>[] {
  return [...text.matchAll(new RegExp(`<${name}(?=[\\s/>])[^>]*>`, "g"))].map((m) => attributes(m[0]));
}

function stringResource(id: string): string | undefined {
  return startTags("bt:String").find((a) => a.id === id)?.DefaultValue;
}

function urlResource(id: string): string | undefined {
  return startTags("bt:Url").find((a) => a.id === id)?.DefaultValue;
}

describe("manifest.xml", () => {
  it("is a task pane add-in for Excel workbooks", () => {
    expect(manifest).toMatch(/<OfficeApp[^>]*xsi:type="TaskPaneApp"/);
    expect(manifest).toMatch(/<Hosts>\s*<Host Name="Workbook"\s*\/>\s*<\/Hosts>/);
    expect(manifest).toMatch(/<DisplayName DefaultValue="Practice Ledger"\s*\/>/);
    expect(manifest).toMatch(/<ProviderName>Practice Ledger<\/ProviderName>/);
    expect(manifest).toMatch(/<Id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<\/Id>/);
  });

  it("asks for ReadWriteDocument", () => {
    expect(manifest).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
  });

  it("declares the custom functions namespace PRACTICE, with taskpane.html as their page", () => {
    const cf = manifest.match(/<ExtensionPoint xsi:type="CustomFunctions">([\s\S]*?)<\/ExtensionPoint>/);
    expect(cf).not.toBeNull();
    const block = cf![1];
    const namespaceId = startTags("Namespace", block)[0]?.resid;
    expect(stringResource(namespaceId)).toBe("PRACTICE");
    const page = block.match(/<Page>\s*<SourceLocation resid="([^"]+)"\s*\/>/);
    expect(urlResource(page![1])).toBe("https://localhost:3000/taskpane.html");
    const script = block.match(/<Script>\s*<SourceLocation resid="([^"]+)"\s*\/>/);
    expect(urlResource(script![1])).toBe("https://localhost:3000/functions.js");
    const metadata = block.match(/<Metadata>\s*<SourceLocation resid="([^"]+)"\s*\/>/);
    expect(urlResource(metadata![1])).toBe("https://localhost:3000/functions.json");
  });

  it("uses one shared runtime with lifetime long, named by every part of the add-in", () => {
    const runtimes = startTags("Runtime");
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0]).toEqual({ resid: "Taskpane.Url", lifetime: "long" });
    expect(urlResource("Taskpane.Url")).toBe("https://localhost:3000/taskpane.html");
    expect(startTags("FunctionFile")).toEqual([{ resid: "Taskpane.Url" }]);
    expect(manifest).toMatch(/<Set Name="SharedRuntime" MinVersion="1\.1"\s*\/>/);
    expect(manifest).toMatch(/<bt:Set Name="CustomFunctionsRuntime" MinVersion="1\.2"\s*\/>/);
  });

  it("has a Practice Ledger button on the Home tab that shows the task pane", () => {
    const home = manifest.match(/<OfficeTab id="TabHome">([\s\S]*?)<\/OfficeTab>/);
    expect(home).not.toBeNull();
    const tab = home![1];
    const groupLabel = startTags("Label", tab)[0]?.resid;
    expect(stringResource(groupLabel)).toBe("Practice Ledger");
    const button = tab.match(/<Control xsi:type="Button"[^>]*>([\s\S]*?)<\/Control>/);
    expect(button).not.toBeNull();
    const buttonLabel = startTags("Label", button![1])[0]?.resid;
    expect(stringResource(buttonLabel)).toBe("Practice Ledger");
    expect(button![1]).toMatch(
      /<Action xsi:type="ShowTaskpane">\s*<TaskpaneId>ButtonId1<\/TaskpaneId>\s*<SourceLocation resid="Taskpane\.Url"\s*\/>\s*<\/Action>/,
    );
  });

  it("names icons that exist in assets/ at 16, 32, 64 and 80 px", () => {
    const urls = [
      ...startTags("bt:Image").map((a) => a.DefaultValue),
      ...startTags("IconUrl").map((a) => a.DefaultValue),
      ...startTags("HighResolutionIconUrl").map((a) => a.DefaultValue),
    ].filter((u): u is string => u !== undefined);
    const files = new Set(urls.map((u) => u.replace("https://localhost:3000/", "")));
    expect([...files].sort()).toEqual(["assets/icon-16.png", "assets/icon-32.png", "assets/icon-64.png", "assets/icon-80.png"]);
    for (const file of files) {
      const png = readFileSync(join(root, file));
      // PNG signature, then IHDR width at byte 16: icon-32.png is 32 px wide, and so on.
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      expect(png.readUInt32BE(16)).toBe(Number(/icon-(\d+)\.png/.exec(file)![1]));
    }
  });
});

const functionsJson = join(root, "dist", "functions.json");
const describeIfBuilt = existsSync(functionsJson) ? describe : describe.skip;

describeIfBuilt("dist/functions.json (after npm run build)", () => {
  it("lists BALANCE with its description and parameters", () => {
    const metadata = JSON.parse(readFileSync(functionsJson, "utf8")) as {
      functions: { id: string; name: string; description?: string; parameters: { name: string; optional?: boolean }[] }[];
    };
    const balance = metadata.functions.find((f) => f.id === "BALANCE");
    expect(balance).toBeDefined();
    expect(balance!.name).toBe("BALANCE");
    expect(balance!.description).toMatch(/Balance of one claim line/);
    expect(balance!.parameters.map((p) => p.name)).toEqual([
      "charge",
      "insurancePaid",
      "patientPaid",
      "contractualAdjustment",
      "otherAdjustment",
    ]);
    // charge is required; the four amounts subtracted from it default to 0 when blank.
    expect(balance!.parameters.map((p) => p.optional === true)).toEqual([false, true, true, true, true]);
  });
});
