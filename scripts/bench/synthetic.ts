import { stringify } from 'yaml';
import { NO_IMPACT_REASONS, needsWork, type Impact } from '../../src/lib/impact.ts';
import { SECTIONS } from '../../src/lib/sections.ts';
import { MATURITIES } from '../../src/schemas/note.ts';

/** A deterministic pseudo-random source (mulberry32), so benchmark corpora are the same every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What a synthetic corpus is made of. */
export interface CorpusSpec {
  releases: number;
  notesPerRelease: number;
  teams: string[];
  components: string[];
  /** Area ids notes may name (`general` is left out: it is for notes without an area). */
  areas: string[];
  seed?: number;
}

/** A file of the synthetic corpus, relative to its content root. */
export interface CorpusFile {
  path: string;
  text: string;
}

const EN_WORDS =
  'kubelet apiserver scheduler controller volume storage network policy pod node taint toleration admission webhook flag deprecated removed alpha beta feature gate config file annotation field label selector upgrade cluster etcd certificate rotation proxy service endpoint ingress quota limit eviction metrics audit'.split(
    ' ',
  );
const ZH_WORDS =
  '节点 存储 网络 策略 调度 控制器 证书 轮换 驱逐 配额 升级 集群 参数 废弃 移除 特性 组件 插件 弹缩 本地 卷 容器 运行时 安全 审计 指标 准入'.split(
    ' ',
  );

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

/**
 * Impact mix of the corpus, after a release assessed like 1.7 (few items need work, most have none,
 * a share still untriaged), rather than uniform: list pages and upgrade paths grow with it.
 */
const IMPACT_WEIGHTS: readonly [Impact, number][] = [
  ['action-required', 0.02],
  ['attention', 0.06],
  ['investigate', 0.05],
  ['watch', 0.1],
  ['none', 0.47],
  ['untriaged', 0.3],
];

function pickImpact(random: () => number): Impact {
  let roll = random();
  for (const [impact, weight] of IMPACT_WEIGHTS) {
    roll -= weight;
    if (roll < 0) return impact;
  }
  return 'none';
}

function words(
  random: () => number,
  list: readonly string[],
  count: number,
  joiner: string,
): string {
  return Array.from({ length: count }, () => pick(random, list)).join(joiner);
}

function sentence(random: () => number, lang: 'zh' | 'en', min: number, max: number): string {
  const count = min + Math.floor(random() * (max - min));
  return lang === 'zh'
    ? `${words(random, ZH_WORDS, count, '')}。`
    : `${words(random, EN_WORDS, count, ' ')}.`;
}

/** Release data, notes and the id ledger of a synthetic corpus with realistic text lengths and field mixes. */
export function makeCorpus(spec: CorpusSpec): CorpusFile[] {
  const random = seededRandom(spec.seed ?? 1);
  const areas = spec.areas.filter((area) => area !== 'general');
  const files: CorpusFile[] = [];
  const ids: string[] = [];
  for (let r = 0; r < spec.releases; r += 1) {
    const version = `1.${7 + r}`;
    const release = `kubernetes-${version}`;
    files.push({
      path: `data/releases/${release}.yaml`,
      text: stringify({
        product: 'Kubernetes',
        version,
        idPrefix: `k8s-${version}`,
        releaseDate: `${2017 + Math.floor(r / 3)}-0${1 + (r % 9)}-15`,
        changelogUrl: `https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-${version}.md`,
        summary: { zh: sentence(random, 'zh', 20, 40), en: sentence(random, 'en', 20, 40) },
        themes: [1, 2, 3].map(() => ({
          zh: sentence(random, 'zh', 15, 30),
          en: sentence(random, 'en', 15, 30),
        })),
        assessment: { status: 'in-progress' },
        remarks: [
          {
            section: 'other-notable-changes',
            area: pick(random, areas),
            impact: 'none',
            text: { zh: '暂无需要直接关注的内容。', en: 'Nothing needs direct attention.' },
          },
        ],
      }),
    });
    for (let n = 0; n < spec.notesPerRelease; n += 1) {
      const id = `k8s-${version}-item-${n}`;
      ids.push(id);
      const impact = pickImpact(random);
      const frontmatter = {
        id,
        section: pick(random, SECTIONS.slice(1)),
        area: pick(random, areas),
        impact,
        ...(impact === 'none' ? { reason: pick(random, NO_IMPACT_REASONS) } : {}),
        ...(random() < 0.5 ? { maturity: pick(random, MATURITIES) } : {}),
        teams: random() < 0.6 ? [pick(random, spec.teams)] : [],
        components: [pick(random, spec.components), pick(random, spec.components)].filter(
          (c, i, all) => all.indexOf(c) === i,
        ),
        upstream: [`https://github.com/kubernetes/kubernetes/pull/${40000 + r * 1000 + n}`],
        ...(impact === 'action-required'
          ? {
              action: {
                when: 'before-upgrade',
                zh: sentence(random, 'zh', 8, 20),
                en: sentence(random, 'en', 8, 20),
              },
            }
          : {}),
        ...(needsWork(impact) && random() < 0.3
          ? { tickets: [`PICT-${1000 + n}`], status: 'in-progress' }
          : {}),
        zh: {
          title: sentence(random, 'zh', 4, 10),
          summary: sentence(random, 'zh', 20, 60),
          assessment: sentence(random, 'zh', 8, 30),
        },
        en: {
          title: sentence(random, 'en', 3, 7),
          summary: sentence(random, 'en', 20, 60),
          assessment: sentence(random, 'en', 8, 30),
        },
      };
      files.push({
        path: `notes/${release}/item-${n}.md`,
        text: `---\n${stringify(frontmatter)}---\n`,
      });
    }
  }
  files.push({
    path: 'notes/ids.json',
    text: `${JSON.stringify({ ids: ids.sort(), redirects: {} }, null, 2)}\n`,
  });
  return files;
}
