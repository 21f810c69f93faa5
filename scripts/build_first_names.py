"""Build ``storyline/models/first-names.json.gz``: first names that are nearly always a man's or a
woman's, for the brief's entity merge (a "Mrs Jackson" is no short form of "Michael Jackson").

    python scripts/build_first_names.py        # needs the train extra: pip install -e ".[train]"

Source: the US census 1990 first-name lists as shipped by the ``names`` package (public domain).
A name goes in when one sex holds at least ``--share`` of its frequency (the male and the female
lists are each normalised to their own population, which is about even) and it is not rare
(``--min-freq`` percent of its sex). Names worn by both ("Kim", "Lee", "Jean", "Leslie") stay out:
a name the table does not know tells nothing. Nor do names that are a woman's in the US census and a
man's elsewhere in the news ("Andrea" Pirlo, "Nikita" Khrushchev, "Toni" Kroos): ``ABROAD`` leaves them out.
First names of world news that the census lacks or holds too rarely, and that are one sex's wherever
they are worn ("Igor", "Svetlana", "Shinzo"), are added from ``ELSEWHERE`` (our own lists).

The same file holds the census's most common family names (``--surnames``, from its list of
surnames): two of them are two families, not one name in two romanisations ("Sanders" and
"Saunders", "Miller" and "Mueller", where "Gadhafi" and "Gaddafi", which the census lacks, are one).
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "storyline" / "models" / "first-names.json.gz"


# a woman's name in the census, a man's in Italian, Russian, German, Catalan, Polish or French news
ABROAD = frozenset("andrea simone sasha michele nikita joan toni carol nicola gabriele daniele "
                   "karol yuri misha luca rene noel dominique jean kim".split())


# first names of the world's news that are nearly always one sex's: Russian and other Slavic, Arabic,
# Persian and Turkish, South Asian, Japanese and European names the US census of 1990 lacks or holds rarely
ELSEWHERE = {
    "male": frozenset("""
        igor vladimir sergei sergey dmitry dmitri mikhail alexei alexey aleksei nikolai nikolay oleg andrei
        andrey pavel yevgeny evgeny gennady anatoly viktor vyacheslav vitaly grigory konstantin leonid arkady
        vasily vladislav stanislav bogdan zbigniew andrzej jaroslaw lech radoslaw slobodan zoran dragan goran
        mohammad muhammad mohamed ahmad ahmed abdullah abdul abdel abdulaziz hassan hussein husain omar khalid
        khaled mahmoud mahmud mustafa mostafa ibrahim youssef yousef yusuf saeed hamid karim tariq tarek walid
        fahd salman bashar moammar muammar hosni recep ahmet mehmet osama saddam yasser yasir ayman nabil nasser
        anwar jamal jalal nouri nuri mahmoud hamad sultan faisal bandar mansour abbas akbar ali-akbar
        narendra rahul manmohan nawaz imran pervez asif rajiv sanjay amit vijay atal lal
        hiroshi takeshi kenji shinzo junichiro yoshihiko naoto taro ichiro koji yukio shigeru yoshihide fumio
        jacques francois françois nicolas emmanuel helmut gerhard wolfgang jurgen jürgen klaus horst silvio
        matteo giuseppe giorgio luigi giovanni massimo joao joão luiz alejandro javier mariano
        """.split()),
    "female": frozenset("""
        svetlana irina lyudmila ludmila galina yelena natalya tatyana nadezhda oksana yulia yuliya ekaterina
        yekaterina larisa valentina olga
        fatima aisha aicha leila layla mariam maryam zainab benazir
        yoko keiko yuko akiko masako michiko
        segolene ségolène ursula
        """.split()),
}


def read_census(path: Path) -> dict[str, float]:
    """Name -> frequency (percent of its sex) of one census list (name, freq, cumulative, rank)."""
    out: dict[str, float] = {}
    for line in path.read_text().splitlines():
        parts = line.split()
        if len(parts) == 4:
            out[parts[0].lower()] = float(parts[1])
    return out


def common_surnames(path: Path, n: int) -> set[str]:
    """The ``n`` most common family names of a census list (it is sorted by frequency)."""
    return set(list(read_census(path))[:n])


def gendered(male: dict[str, float], female: dict[str, float], share: float, min_freq: float) -> dict[str, list[str]]:
    """The names whose frequency is at least ``share`` one sex's, sorted, per sex."""
    out: dict[str, list[str]] = {"male": [], "female": []}
    for name in sorted(set(male) | set(female)):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if max(m, f) < min_freq or name in ABROAD:
            continue
        if m >= share * (m + f):
            out["male"].append(name)
        elif f >= share * (m + f):
            out["female"].append(name)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--share", type=float, default=0.95, help="share of one sex a name needs (default 0.95)")
    ap.add_argument("--min-freq", type=float, default=0.005, help="least frequency, percent of its sex (default 0.005)")
    ap.add_argument("--surnames", type=int, default=3000,
                    help="how many of the census's most common family names to keep (default 3000)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    import names as census

    base = Path(census.__file__).parent
    table = gendered(read_census(base / "dist.male.first"), read_census(base / "dist.female.first"),
                     args.share, args.min_freq)
    for sex, other in (("male", "female"), ("female", "male")):
        table[sex] = sorted(set(table[sex]) | (ELSEWHERE[sex] - set(table[other])))
    table["surnames"] = sorted(common_surnames(base / "dist.all.last", args.surnames))
    # no time stamp in the gzip header: the same lists give the same file, byte for byte
    with gzip.GzipFile(args.out, "wb", compresslevel=9, mtime=0) as fh:
        fh.write(json.dumps(table, separators=(",", ":")).encode("utf-8"))
    print(f"{args.out}: {len(table['male'])} male, {len(table['female'])} female first names, "
          f"{len(table['surnames'])} family names")


if __name__ == "__main__":
    main()
