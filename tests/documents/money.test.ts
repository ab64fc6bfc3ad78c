import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { amountInWordsVi, formatMoneyVi, moneyWithWordsVi, numberToWordsVi } from "../../src/documents/money.ts";

describe("amountInWordsVi — đọc số tiền bằng chữ", () => {
  const cases: Array<[number, string]> = [
    [0, "Không đồng"],
    [1, "Một đồng"],
    [10, "Mười đồng"],
    [11, "Mười một đồng"],
    [14, "Mười bốn đồng"],
    [15, "Mười lăm đồng"],
    [20, "Hai mươi đồng"],
    [21, "Hai mươi mốt đồng"],
    [24, "Hai mươi tư đồng"],
    [25, "Hai mươi lăm đồng"],
    [55, "Năm mươi lăm đồng"],
    [101, "Một trăm linh một đồng"],
    [105, "Một trăm linh năm đồng"],
    [110, "Một trăm mười đồng"],
    [115, "Một trăm mười lăm đồng"],
    [1_000, "Một nghìn đồng"],
    [1_005, "Một nghìn không trăm linh năm đồng"],
    [10_000, "Mười nghìn đồng"],
    [1_000_000, "Một triệu đồng"],
    [1_010_000, "Một triệu không trăm mười nghìn đồng"],
    [2_340_000, "Hai triệu ba trăm bốn mươi nghìn đồng"],
    [150_000_000, "Một trăm năm mươi triệu đồng"],
    [1_000_000_000, "Một tỷ đồng"],
    [1_000_000_001, "Một tỷ không trăm linh một đồng"],
    [1_250_000_000, "Một tỷ hai trăm năm mươi triệu đồng"],
    [1_100_000_000, "Một tỷ một trăm triệu đồng"],
    [5_000_000_000_000, "Năm nghìn tỷ đồng"],
    [1_000_000_000_000_000, "Một triệu tỷ đồng"],
  ];
  for (const [n, words] of cases) {
    test(`${n} → "${words}"`, () => assert.equal(amountInWordsVi(n), words));
  }

  test('quy tắc "mốt": hàng đơn vị 1 sau "mươi" (31 → ba mươi mốt), nhưng 11 → mười một, 101 → một trăm linh một', () => {
    assert.equal(numberToWordsVi(31), "ba mươi mốt");
    assert.equal(numberToWordsVi(11), "mười một");
    assert.equal(numberToWordsVi(101), "một trăm linh một");
  });

  test('quy tắc "lăm": hàng đơn vị 5 sau "mười/mươi" (15, 45), nhưng 5 và 105 → năm', () => {
    assert.equal(numberToWordsVi(45), "bốn mươi lăm");
    assert.equal(numberToWordsVi(5), "năm");
    assert.equal(numberToWordsVi(105), "một trăm linh năm");
    assert.equal(numberToWordsVi(5_000_005), "năm triệu không trăm linh năm");
  });

  test('quy tắc "linh": hàng chục 0, hàng đơn vị khác 0 (208 → hai trăm linh tám)', () => {
    assert.equal(numberToWordsVi(208), "hai trăm linh tám");
    assert.equal(numberToWordsVi(200), "hai trăm");
  });

  test("từ chối số âm, số lẻ và số vượt quá Number.MAX_SAFE_INTEGER", () => {
    assert.throws(() => amountInWordsVi(-1), RangeError);
    assert.throws(() => amountInWordsVi(1.5), RangeError);
    assert.throws(() => amountInWordsVi(2 ** 53), RangeError);
  });
});

describe("formatMoneyVi — nhóm chữ số bằng dấu chấm", () => {
  test("1.250.000.000 đồng", () => assert.equal(formatMoneyVi(1_250_000_000), "1.250.000.000 đồng"));
  test("0 và 999 không có dấu chấm", () => {
    assert.equal(formatMoneyVi(0), "0 đồng");
    assert.equal(formatMoneyVi(999), "999 đồng");
    assert.equal(formatMoneyVi(1000), "1.000 đồng");
  });
  test("kèm bằng chữ trong ngoặc", () =>
    assert.equal(moneyWithWordsVi(150_000_000), "150.000.000 đồng (Một trăm năm mươi triệu đồng)"));
});
