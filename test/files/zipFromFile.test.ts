/**
 * A package read from its file piece by piece (issue 13: memory flat as the file grows) reads as
 * the same package held in memory: the same grids, the same errors, and the file is let go after.
 * The workbooks are the third-party corpus (test/corpus/README.md says where each came from).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { readXlsxGrids } from "../../src/files/xlsxReader";
import { readZipPackage } from "../../src/files/zipPackage";

const CORPUS = path.resolve(__dirname, "..", "corpus");
const books = fs.readdirSync(CORPUS).filter((f) => f.endsWith(".xlsx"));

/** Open file descriptors of this process (Linux). */
const openFiles = (): number => fs.readdirSync("/proc/self/fd").length;

/** What reading gives: the grids, or the error's message. */
async function outcome(source: string | Buffer): Promise<unknown> {
  try {
    return await readXlsxGrids(source, { label: "book.xlsx" });
  } catch (e) {
    return { error: (e as Error).message };
  }
}

describe("a package read from its file", () => {
  test.each(books)("%s reads as it does from its bytes, and its file is closed after", async (name) => {
    const file = path.join(CORPUS, name);
    const before = openFiles();
    const fromFile = await outcome(file);
    expect(openFiles()).toBe(before);
    expect(fromFile).toEqual(await outcome(fs.readFileSync(file)));
  });

  test("a file cut short gives the same message as its bytes, and is closed", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pl-zipfile-"));
    try {
      const whole = fs.readFileSync(path.join(CORPUS, books[0]));
      for (const cut of [10, 100, Math.floor(whole.length / 2), whole.length - 30]) {
        const file = path.join(dir, "book.xlsx");
        fs.writeFileSync(file, whole.subarray(0, cut));
        const before = openFiles();
        const fromFile = await outcome(file);
        expect(openFiles()).toBe(before);
        expect(fromFile).toEqual(await outcome(whole.subarray(0, cut)));
        expect(fromFile).toHaveProperty("error");
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a folder or a missing file is refused by name", async () => {
    await expect(readZipPackage(CORPUS, "book.xlsx")).rejects.toThrow("book.xlsx: is a folder");
    await expect(readZipPackage(path.join(CORPUS, "nothing.xlsx"), "book.xlsx")).rejects.toThrow("book.xlsx: no such file");
  });
});
