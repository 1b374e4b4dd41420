// The committed catalog is sound and exactly what the seeds give; no matter of any list is lost.
// The seeds live beside the checkout (../shared/seeds); without them the tests that read them are
// skipped, saying why. CI has them.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CatalogSchema } from '../../shared/catalog/catalog-schema.ts';
import { dayBefore, lawPeriods, penaltyShort, provisionMap } from '../../shared/catalog/law-in-force.ts';
import {
  buildCatalog,
  CATALOG_FILE,
  CATALOG_REGULATION,
  CATALOG_VERSION,
  DEFAULT_SEEDS,
  readSeeds,
  serialise,
} from './build-catalog.ts';

const committed = readFileSync(CATALOG_FILE, 'utf8');
const catalog = CatalogSchema.parse(JSON.parse(committed));
const haveSeeds = existsSync(DEFAULT_SEEDS);
const NO_SEEDS = `skipped: the seed folder ${DEFAULT_SEEDS} (../shared/seeds beside the checkout) is absent`;
if (!haveSeeds) console.warn(`build-catalog.test.ts: ${NO_SEEDS}`);

/**
 * Every penalty and inspection each list names, written down by hand from the published lists
 * (the seed files are named by their number and a hash of their content).
 */
const LISTED: Record<string, string[]> = {
  '000': [
    '对法律、行政法规禁止发布或者传输的信息未停止传输、采取消除等处置措施、保存有关记录，未按要求对法律、行政法规禁止发布或者传输的信息采取处置措施，拒绝、阻碍有关部门依法实施的监督检查的行政处罚',
    '对拒不配合执法工作的行政处罚',
    '对提供违法违规互联网信息内容的行政处罚',
    '对违反安全评估、非公资本、总编辑及从业人员、管理制度和技术保障措施建设、传播平台、谋取不正当利益、账号管理、转载管理、违法信息处置、账号管理、重大事项变更、许可明示、举报管理等违法提供互联网新闻信息服务的行政处罚',
  ],
  '001': [
    '对不履行法定网络安全保护义务的处罚',
    '对设置恶意程序、未尽到安全保障义务、擅自终止安全维护的处罚',
    '对未提供实名制身份的处罚',
    '对未按要求进行网络安全认证、检测、评估或泄露安全信息的处罚',
    '对侵害个人信息保护规定的处罚',
    '对使用未经审查的网络产品或服务的处罚',
    '对在境外存储网络数据，或者向境外提供网络数据的处罚',
    '对法律、行政法规禁止发布或者传输的信息未停止传输、采取消除等处置措施的处罚',
    '对不配合监管部门监督检查的处罚',
    '对未经许可或者超越许可范围开展互联网新闻信息服务的处罚',
    '对未履行法定义务的处罚',
    '对违反互联网新闻传播秩序的处罚',
    '对制作、复制、发布、传播非法信息的处罚',
    '对互联网信息服务实施监督检查',
  ],
  '002': [
    '对违反有关互联网信息内容管理法律法规规章的行为实施行政处罚',
    '对关键信息基础设施的安全风险进行抽查检测',
    '对互联网新闻信息服务活动实施监督检查',
  ],
  '004': [
    '对不履行法定网络安全保护义务的处罚',
    '对设置恶意程序、未尽到安全保障义务、擅自终止安全维护的处罚',
    '对未提供实名制身份信息的处罚',
    '对未按要求进行网络安全认证、检测、评估或泄露安全信息的处罚',
    '对侵害个人信息保护规定的处罚',
    '对使用未经审查的网络产品或服务的处罚',
    '对在境外存储网络数据，或者向境外提供网络数据的的处罚',
    '对法律、行政法规禁止发布或者传输的信息未停止传输、采取删除等处置措施、保存有关记录的处罚',
    '对不配合监管部门监督检查的处罚',
    '对未经许可或超越许可范围开展互联网新闻信息服务的行政处罚',
    '对未履行法定义务的处理',
    '对违反互联网新闻传播秩序的处罚',
    '对制作、复制、发布、传播非法信息的行政处罚',
    '对互联网新闻信息服务活动实施监督检查',
  ],
};

/**
 * An independent scan of a seed's raw text, not the parsers: every table cell (between tabs or
 * line ends, HTML removed) that reads 对……的处罚 / 的处理 / 检查 / 检测.
 */
function scanMatterNames(raw: string): string[] {
  const text = raw.replace(/<[^>]+>/g, '');
  return [...text.matchAll(/(?:^|\t) ?(对[^\t\n。；：]{3,200}?(?:处罚|处理|检查|检测))(?=\t|\r?$)/gm)].map((m) =>
    m[1]!.trim(),
  );
}

const allNames = catalog.matters.flatMap((m) => [m.name, ...m.aliases]);

const provisions = provisionMap(catalog);
const get = (id: string) => catalog.matters.find((m) => m.id === id)!;
const periods = (id: string) => lawPeriods(get(id), provisions);
/** The matter's law on a date. */
const on = (id: string, date: string) =>
  periods(id).find((p) => (p.effectiveFrom ?? '') <= date && (p.effectiveTo === null || p.effectiveTo >= date))!;
const CSL = '《中华人民共和国网络安全法》';

describe('the committed catalog', () => {
  it('carries the version the generator sets (a data change ships with a version bump), its format and the regulation', () => {
    expect(catalog.version).toBe(CATALOG_VERSION);
    expect(catalog.format).toBe(2);
    expect(catalog.regulation).toBe(CATALOG_REGULATION);
    expect(catalog.regulation).toMatch(/^网信部门行政执法程序规定（2023年国家互联网信息办公室令第14号/);
  });

  it('gives every provision consecutive versions, each with article, dates, source and a text or the reason it has none', () => {
    for (const p of catalog.provisions) {
      expect(p.law, p.id).toMatch(/^《[^《》]+》$/);
      expect(p.id.startsWith(p.law), p.id).toBe(true);
      p.versions.forEach((v, i) => {
        expect(v.article, p.id).toMatch(/^第[零〇一二两三四五六七八九十百千]+条/);
        expect(v.madeBy.length, p.id).toBeGreaterThan(4);
        expect(v.source.length, p.id).toBeGreaterThan(4);
        if (v.text === null) {
          expect(v.textStatus, p.id).toBe('unavailable');
          expect(v.note, p.id).toMatch(/未能取得/);
        } else {
          expect(v.text.trim().length, `${p.id} ${v.article}`).toBeGreaterThan(10);
          expect(v.text, `${p.id}: no HTML`).not.toMatch(/<[a-z/][^>]*>/i);
        }
        const next = p.versions[i + 1];
        if (next) expect(dayBefore(next.effectiveFrom!), p.id).toBe(v.effectiveTo);
        else expect(v.effectiveTo, p.id).toBeNull();
      });
    }
  });

  it('gives every matter at least one legal basis, responsibilities and accountability', () => {
    for (const m of catalog.matters) {
      expect(m.legalBasis.length, m.id).toBeGreaterThan(0);
      expect(m.responsibilities.length, m.id).toBeGreaterThan(0);
      expect(m.accountability.length, m.id).toBeGreaterThan(0);
      for (const item of [...m.responsibilities, ...m.accountability]) expect(item, m.id).toBe(item.trim());
    }
  });

  it('has a penalty in every period of every penalty matter, from its first to now, and none on inspections', () => {
    for (const m of catalog.matters) {
      if (m.type !== '行政处罚') {
        expect(m.penalties, m.id).toEqual([]);
        continue;
      }
      expect(m.penalties.length, m.id).toBeGreaterThan(0);
      expect(m.penalties.at(-1)!.effectiveTo, m.id).toBeNull();
      for (let i = 1; i < m.penalties.length; i++)
        expect(dayBefore(m.penalties[i]!.effectiveFrom!), m.id).toBe(m.penalties[i - 1]!.effectiveTo);
    }
  });

  it('cites the 网络安全法 in its 2016 version until 2025-12-31 and as amended from 2026-01-01, for every article a matter uses', () => {
    const csl = catalog.provisions.filter((p) => p.law === CSL);
    expect(csl.length).toBeGreaterThanOrEqual(14);
    for (const p of csl)
      expect(
        p.versions.map((v) => [v.effectiveFrom, v.effectiveTo]),
        p.id,
      ).toEqual([
        ['2017-06-01', '2025-12-31'],
        ['2026-01-01', null],
      ]);
    const renumbered = (old: string) => provisions.get(`${CSL}${old}`)!.versions.map((v) => v.article);
    expect(renumbered('第五十九条')).toEqual(['第五十九条', '第六十一条']);
    expect(renumbered('第六十八条')).toEqual(['第六十八条', '第六十九条']);
    expect(renumbered('第六十九条')).toEqual(['第六十九条', '第七十条']);
    expect(renumbered('第六十四条')).toEqual(['第六十四条', '第七十一条']);
    expect(renumbered('第八条')).toEqual(['第八条', '第九条']);
    // What could not be obtained is said, not guessed.
    expect(provisions.get(`${CSL}第八条`)!.versions[1]).toMatchObject({ text: null, textStatus: 'unavailable' });
    expect(provisions.get(`${CSL}第六十三条`)!.versions[1]).toMatchObject({ text: null, textStatus: 'unavailable' });
    expect(provisions.get(`${CSL}第六十九条`)!.versions[1]!.textStatus).toBe('partial');
    // Other laws keep one version until changed.
    for (const p of catalog.provisions.filter((x) => x.law !== CSL)) expect(p.versions.length, p.id).toBe(1);
  });

  it('cites no repealed regulation as a legal basis', () => {
    expect(catalog.provisions.map((p) => p.law)).not.toContain('《互联网信息内容管理行政执法程序规定》');
    expect(JSON.stringify(catalog.matters.map((m) => m.legalBasis))).not.toContain(
      '互联网信息内容管理行政执法程序规定',
    );
  });

  it('offers no other department’s measure as the 网信部门’s penalty: each says who imposes it', () => {
    const OTHERS = /拘留|吊销营业执照|吊销经营许可证|治安管理处罚|吊销相关业务许可证/;
    for (const m of catalog.matters)
      for (const { penalty, effectiveFrom } of m.penalties)
        for (const x of penalty.measures) {
          const where = `${m.id} ${effectiveFrom} ${x.name}`;
          if (OTHERS.test(x.name)) expect(x.route, where).not.toBeNull();
          if (x.route === null) expect(x.authority, where).toMatch(/网信部门|互联网信息办公室/);
          else expect(x.authority, where).not.toMatch(/^网信部门/);
        }
    // 互联网信息服务管理办法 第二十条: the public security organs' and the licensing departments' — nothing is the 网信部门's.
    const isp = get('isp-15-20').penalties[0]!.penalty;
    expect(isp).toMatchObject({ warning: false, orderCorrection: false, fines: [] });
    expect(isp.measures.map((x) => [x.authority, x.route])).toEqual([
      ['公安机关、国家安全机关', '移送'],
      ['发证机关（电信主管部门）', '通报'],
      ['备案机关（电信主管部门）', '通报'],
    ]);
    expect(penaltyShort(isp)).toBe(
      '网信部门无处罚权；移送公安机关、国家安全机关、通报发证机关（电信主管部门）、通报备案机关（电信主管部门）',
    );
    // 拘留 (网络安全法 2016 第六十三条、第六十七条) is the public security organs'.
    const catchAll = on('content-law-violations', '2025-06-01').penalty!;
    expect(catchAll.measures.filter((x) => /拘留/.test(x.name)).map((x) => [x.authority, x.route])).toEqual([
      ['公安机关', '移送'],
      ['公安机关', '移送'],
    ]);
  });

  it('lets no two matters share an id, a name or an alias', () => {
    expect(new Set(allNames).size).toBe(allNames.length);
    const ids = catalog.matters.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('contains every matter of every list, under its name or as an alias, with that office as a source', () => {
    for (const [prefix, names] of Object.entries(LISTED)) {
      for (const n of names) {
        expect(allNames, `${prefix}: ${n}`).toContain(n);
        const m = catalog.matters.find((x) => x.name === n || x.aliases.includes(n))!;
        expect(
          m.sources.some((s) => s.seedFile.startsWith(`${prefix}_`) && s.originalName === n),
          `${m.id} lists ${prefix}`,
        ).toBe(true);
      }
    }
    expect(catalog.matters.flatMap((m) => m.sources).length).toBe(Object.values(LISTED).flat().length);
  });

  it('merges the same matter named differently by two offices', () => {
    expect(get('csl-61').aliases).toEqual(['对未提供实名制身份的处罚']);
    expect(get('csl-69').aliases).toContain('对拒不配合执法工作的行政处罚');
    expect(get('csl-68').sources.map((s) => s.seedFile.slice(0, 3))).toEqual(['000', '001', '004']);
    expect(get('inspect-news').aliases).toEqual(['对互联网信息服务实施监督检查']);
    expect(get('inspect-news').type).toBe('行政检查');
  });

  it('reads the fines of known articles, as they read in each period', () => {
    // 2016 第五十九条: a fine only after refusal or harm.
    expect(on('csl-59', '2025-06-01').penalty).toMatchObject({
      warning: true,
      orderCorrection: true,
      fineOperator: { text: '处一万元以上十万元以下罚款', minYuan: 10_000, maxYuan: 100_000 },
      fineResponsible: { minYuan: 5000, maxYuan: 50_000 },
    });
    expect(on('csl-59', '2025-06-01').penalty!.fines[0]!.when).toBe('拒不改正或者导致危害网络安全等后果的');
    // As amended, 第六十一条: up to 5万 without refusal; 5–50万 after.
    const amended = on('csl-59', '2026-11-20');
    expect(amended.basis.map((b) => b.article)).toEqual(['第六十一条']);
    expect(amended.penalty).toMatchObject({
      warning: true,
      fineOperator: { minYuan: 10_000, maxYuan: 50_000 },
      fineResponsible: { minYuan: 10_000, maxYuan: 100_000 },
    });
    expect(amended.penaltyShort).toBe('警告；罚款1万–5万元（拒不改正等情形5万–50万元）；对责任人员罚款1万–10万元');
    expect(on('csl-61', '2025-06-01').penalty).toMatchObject({
      warning: false,
      fineOperator: { minYuan: 50_000, maxYuan: 500_000 },
      fineResponsible: { minYuan: 10_000, maxYuan: 100_000 },
    });
    expect(on('csl-68', '2025-06-01').penalty).toMatchObject({
      confiscateIllegalIncome: true,
      fineOperator: { minYuan: 100_000, maxYuan: 500_000 },
      fineResponsible: { minYuan: 10_000, maxYuan: 100_000 },
    });
    expect(on('csl-68', '2026-06-01').penalty).toMatchObject({
      confiscateIllegalIncome: false,
      fineOperator: { minYuan: 50_000, maxYuan: 500_000 },
      fineResponsible: { minYuan: 50_000, maxYuan: 200_000 },
    });
    // A multiple of the illegal income: the text only.
    expect(on('csl-64', '2025-06-01').penalty!.fineOperator).toEqual({
      text: '处违法所得一倍以上十倍以下罚款，没有违法所得的，处一百万元以下罚款',
    });
    // From 2026 the 网络安全法 refers personal-information cases to other laws (第七十一条).
    expect(on('csl-64', '2026-06-01').penalty).toMatchObject({
      fines: [],
      referral: expect.stringContaining('第七十一条'),
    });
    expect(on('news-22', '2026-06-01').penalty).toMatchObject({
      fineOperator: { minYuan: 10_000, maxYuan: 30_000 },
      measures: [{ name: '停止相关服务活动', route: null }],
      authority: expect.stringContaining('省、自治区、直辖市互联网信息办公室'),
    });
    expect(on('news-24', '2026-06-01').penalty).toMatchObject({
      fineOperator: { minYuan: 5000, maxYuan: 30_000 },
      measures: [{ name: '暂停新闻信息更新', route: null }],
    });
    // The catch-all matter cites articles with different fines: no single range.
    expect(on('content-law-violations', '2026-06-01').penalty!.fineOperator).toBeUndefined();
  });

  it('quotes each article in one wording, the typos of single lists outvoted', () => {
    const text = (id: string) => provisions.get(id)!.versions[0]!.text!;
    expect(text(`${CSL}第六十八条`)).toContain('处一万元以上十万元以下罚款'); // 天水 wrote 一万元以下
    expect(text(`${CSL}第六十八条`)).toContain('采取消除等处置措施'); // 酒泉 wrote 删除
    expect(text(`${CSL}第五十九条`)).toContain('本法第二十一条、第二十五条'); // 泸县's abbreviated quotation has 第十一条、第二十条
    // An abridged quotation is replaced by the full 2016 text (appendix A of ../shared/law).
    expect(text(`${CSL}第三十九条`)).toMatch(/（四）对网络安全事件的应急处置/);
    expect(provisions.get(`${CSL}第三十九条`)!.versions[0]!.textStatus).toBe('checked');
  });
});

describe('generated from the seeds', () => {
  it.skipIf(!haveSeeds)(
    `the committed catalog.json is exactly what the seeds give (${haveSeeds ? 'reproducible' : NO_SEEDS})`,
    () => {
      const first = serialise(buildCatalog(DEFAULT_SEEDS).catalog);
      expect(first).toBe(committed);
      expect(serialise(buildCatalog(DEFAULT_SEEDS).catalog)).toBe(first); // deterministic
    },
  );

  it.skipIf(!haveSeeds)(
    `a scan of the raw seeds finds the same matter names as the hand-written list (${haveSeeds ? 'independent of the parsers' : NO_SEEDS})`,
    () => {
      const seeds = readSeeds(DEFAULT_SEEDS);
      const lists = Object.entries(seeds.layouts).filter(([, layout]) => layout !== 'regulation');
      expect(lists.map(([file]) => file.slice(0, 3))).toEqual(Object.keys(LISTED));
      expect(Object.entries(seeds.layouts).find(([, layout]) => layout === 'regulation')?.[0]).toMatch(/^003_/);
      for (const [file] of lists) {
        const scanned = scanMatterNames(readFileSync(join(DEFAULT_SEEDS, file), 'utf8'));
        expect(scanned.length, file).toBeGreaterThan(0);
        expect(new Set(scanned), file).toEqual(new Set(LISTED[file.slice(0, 3)]));
        for (const n of scanned) expect(allNames, `${file}: ${n}`).toContain(n);
        // and the parsers found exactly these rows
        expect(
          seeds.rows
            .filter((r) => r.seedFile === file)
            .map((r) => r.name.replace(/\s+/g, ''))
            .sort(),
          file,
        ).toEqual([...scanned].sort());
      }
    },
  );
});
