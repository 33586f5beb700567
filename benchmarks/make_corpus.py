"""Generate a large synthetic scrape for the scale benchmark: N distinct reports, seeded.

``python benchmarks/make_corpus.py OUTDIR [--reports 1000] [--files 10] [--seed 0]``

Body text comes from a character-level Markov chain (order `ORDER`) trained on the seed and the
official documents in tests/data/official; each report gets a title naming its sector, the
genre's numbered headings (一、 … with (一) … below), sector cue words, and sentences citing
statistics (counts, percentages, money, areas, ranges, 多/余/以上) with random values. The
chain's low order keeps reports from copying long stretches of the training text, so no two
generated reports are near-duplicates (the benchmark checks that). The reports are written
into `--files` files, glued without separators, with a page counter between some of them.
"""

from __future__ import annotations

import argparse
import random
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ORDER = 2
SECTORS = {
    "rural": ("乡镇农村基层党建工作", ["村级", "村干部", "农村", "集体经济", "村两委", "驻村"]),
    "urban": ("城市社区党建工作", ["社区", "街道", "网格", "楼宇", "物业", "居民"]),
    "border": ("边境地区基层党建工作", ["边境", "边疆", "戍边", "抵边", "兴边富民", "边民"]),
    "enterprise": ("非公有制企业党建工作", ["非公企业", "两新组织", "出资人", "民营企业", "职工", "业主"]),
    "university": ("高校学生党支部建设", ["高校", "学生党员", "辅导员", "院系", "教工党支部", "学生"]),
    "government": ("机关党建工作", ["机关", "机关党委", "党组", "干部职工", "机关党支部", "业务工作"]),
}
HEADINGS = ["基本情况", "主要做法和成效", "存在的主要问题", "问题产生的原因", "对策和建议"]
SUBHEADINGS = ["加强组织建设", "强化队伍管理", "完善制度机制", "创新活动方式", "落实工作责任", "夯实基层基础"]
STAT_TEMPLATES = [
    "全{place}共有党员{n}名,其中女党员{m}名,占{p}%。",
    "共建立党组织{n}个,党支部{m}个。",
    "投入党建经费{money}万元,建成活动场所{area}平方米。",
    "35岁以下党员{m}名,占党员总数的{p}%。",
    "发展党员{n}多名,入党积极分子{m}余名。",
    "每个支部配备{lo}-{hi}名党务工作者,覆盖率达到{p}%以上。",
    "村集体经济收入超过{money}万元的村有{m}个。",
]


def train(texts: list[str], order: int = ORDER) -> dict[str, list[str]]:
    """Next-character lists for every `order`-character context of the training texts."""
    chain: dict[str, list[str]] = defaultdict(list)
    for text in texts:
        text = "".join(text.split())
        for i in range(len(text) - order):
            chain[text[i:i + order]].append(text[i + order])
    return chain


def babble(chain: dict[str, list[str]], rng: random.Random, length: int) -> str:
    """About `length` characters of Markov text, ending at a full stop."""
    contexts = [c for c in chain if c[-1] == "。"]
    state = rng.choice(contexts)
    out: list[str] = []
    while len(out) < length or out[-1] != "。":
        nxt = chain.get(state)
        if not nxt:
            state = rng.choice(contexts)
            continue
        ch = rng.choice(nxt)
        out.append(ch)
        state = (state + ch)[-ORDER:]
        if len(out) > length * 2:
            out.append("。")
            break
    return "".join(out)


def statistic(rng: random.Random) -> str:
    n = rng.randint(20, 5000)
    return rng.choice(STAT_TEMPLATES).format(
        place=rng.choice(["县", "镇", "社区", "校", "企业"]), n=n, m=rng.randint(1, max(2, n // 3)),
        p=round(rng.uniform(1, 99), 1), money=round(rng.uniform(1, 900), 1), area=rng.randint(50, 9000),
        lo=rng.randint(1, 5), hi=rng.randint(6, 12))


def report(chain, rng: random.Random, number: int) -> str:
    sector = rng.choice(list(SECTORS))
    topic, cues = SECTORS[sector]
    lines = [f"关于第{number}调研区{topic}的调研报告"]
    lines.append(f"为深入了解{topic}情况,调研组开展了专题调研。" + babble(chain, rng, 120))
    numerals = "一二三四五六七八九"
    for h, heading in enumerate(rng.sample(HEADINGS, rng.randint(3, 5))):
        lines.append(f"{numerals[h]}、{heading}")
        for s, sub in enumerate(rng.sample(SUBHEADINGS, rng.randint(2, 4))):
            body = babble(chain, rng, rng.randint(150, 300))
            cue = "".join(rng.choice(cues) + "工作" for _ in range(2))
            lines.append(f"({numerals[s]}){sub}。{cue}{statistic(rng)}{body}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir")
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--files", type=int, default=10)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "data" / "official").glob("*.txt"))]
    texts.append((ROOT / "seeds" / "000_bd97441f39be4d57.txt").read_text(encoding="utf-8"))
    chain = train(texts)
    rng = random.Random(args.seed)
    out = Path(args.outdir)
    out.mkdir(parents=True, exist_ok=True)
    per_file = -(-args.reports // args.files)
    for f in range(args.files):
        chunk = [report(chain, rng, f * per_file + i + 1) for i in range(per_file) if f * per_file + i < args.reports]
        pieces = []
        for k, text in enumerate(chunk):
            pieces.append(text)
            if k % 7 == 3:
                pieces.append(str(rng.randint(10, 99)))  # a page counter, as scrapes have
        (out / f"synthetic_{f:03d}.txt").write_text("\n".join(pieces) + "\n", encoding="utf-8")
    print(f"wrote {args.reports} reports into {args.files} files in {out}")


if __name__ == "__main__":
    main()
