#!/usr/bin/env bash
# Generates the built-in system prompts of the telephony server: German and English speech from
# espeak-ng, the voicemail beep and the music on hold from sox, all as G.711 µ-law, 8 kHz, mono WAV
# in ../main/resources/prompts/{de,en}/<name>.wav. See README.md beside this script.
#
#   generate.sh              (re)writes the committed prompts
#   generate.sh --out DIR    writes them under DIR/{de,en} instead
#   generate.sh --check      writes them to a temporary folder and compares them byte for byte
#                            with the committed ones; exits 1 on any difference
#
# Same espeak-ng and sox versions in, same bytes out: no dither (-D), sox's repeatable random
# numbers (-R), a fixed locale, and nothing of the time or the machine in the files.
set -euo pipefail
export LC_ALL=C.UTF-8

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TEXTS="$HERE/texts.tsv"
DEFAULT_OUT="$HERE/../main/resources/prompts"

# The voices: espeak-ng's own German and British English voices (no MBROLA: its voice data is not
# free to redistribute), a little slower than espeak-ng's 175 words a minute, which is fast on a
# phone line, and pitched slightly below its default of 50.
declare -A VOICE=([de]="de" [en]="en-gb")
SPEED=150
PITCH=45
LANGS=(de en)
# Peak level of speech and of the tones; music on hold sits lower, under the speech.
SPEECH_PEAK_DB=-3
BEEP_PEAK_DB=-12
MOH_PEAK_DB=-12
# Silence kept before and after speech once espeak-ng's own is trimmed, in seconds.
EDGE=0.1
# A file whose length per character of text is outside these bounds (seconds) is reported as
# implausible: a voice that reads nothing, or that spells a word letter by letter.
MIN_S_PER_CHAR=0.03
MAX_S_PER_CHAR=0.16

usage() {
    sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

out="$DEFAULT_OUT"
check=false
while (($#)); do
    case "$1" in
        --out) out="${2:?--out needs a folder}"; shift 2 ;;
        --check) check=true; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
done

missing=()
for tool in espeak-ng sox soxi; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if ((${#missing[@]})); then
    echo "generate.sh needs espeak-ng and sox; missing: ${missing[*]}" >&2
    echo "On Debian or Ubuntu, install them as root with:" >&2
    echo "    apt-get install -y espeak-ng sox" >&2
    exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if $check; then
    committed="$out"
    out="$work/check"
fi

echo "espeak-ng: $(espeak-ng --version | head -n1)"
echo "sox:       $(sox --version | sed 's/^sox: *//')"
echo "writing to $out"
for lang in "${LANGS[@]}"; do mkdir -p "$out/$lang"; done

count=0
bytes=0
report="$work/report.tsv"
: >"$report"

# Records a written file: progress line, the running totals, a row of the durations table.
# $1 language, $2 name, $3 the text spoken ("" for tones and music).
wrote() {
    local file="$out/$1/$2.wav" size seconds
    size=$(stat -c %s "$file")
    seconds=$(soxi -D "$file")
    count=$((count + 1))
    bytes=$((bytes + size))
    printf 'wrote %-28s %7.2f s %8d bytes\n' "$1/$2.wav" "$seconds" "$size"
    printf '%s\t%s\t%s\t%s\n' "$2" "$1" "$seconds" "$3" >>"$report"
}

# Speech: espeak-ng at 22.05 kHz, its leading and trailing silence cut, resampled to 8 kHz,
# normalised to the speech peak, EDGE of silence put back on both ends, encoded as µ-law.
speak() {
    local lang="$1" name="$2" text="$3"
    local raw="$work/$lang-$name.wav"
    espeak-ng -b 1 -v "${VOICE[$lang]}" -s "$SPEED" -p "$PITCH" -w "$raw" "$text"
    sox -D -R "$raw" -b 16 "$work/$lang-$name.trim.wav" \
        silence 1 0.005 -50d reverse silence 1 0.005 -50d reverse \
        rate -v 8000 norm "$SPEECH_PEAK_DB" pad "$EDGE" "$EDGE"
    sox -D -R "$work/$lang-$name.trim.wav" -e u-law -b 8 -r 8000 -c 1 "$out/$lang/$name.wav"
    wrote "$lang" "$name" "$text"
}

# The voicemail beep: 1 kHz sine for half a second, 10 ms fades against clicks.
beep() {
    sox -D -R -r 8000 -c 1 -n -b 16 "$work/beep.wav" synth 0.5 sine 1000 fade q 0.01 0.5 0.01 \
        norm "$BEEP_PEAK_DB"
}

# Music on hold: I–vi–IV–V in C major (C, Am, F, G), 6 s a chord, 24 s a loop. A soft sine pad
# holds each chord and cross-fades into the next; soft bell-like notes (a sine with a little of its
# octave, a 10 ms attack and a decay over 2 s) arpeggiate it, two a second. No noise, no sharp
# attack: nothing that a codec or a tired ear would find harsh.
# Everything sits between middle C and C6, inside the telephone band. Whatever rings past the
# 24 s end (the last chord's fade and the last notes' tails) is mixed back onto the start, so
# the file loops without a seam.
note_hz() {
    # Equal temperament from A4 = 440 Hz; $1 a MIDI note number.
    awk -v n="$1" 'BEGIN { printf "%.4f", 440 * 2 ^ ((n - 69) / 12) }'
}

music_on_hold() {
    # Mixed at 16 kHz, then resampled to 8 kHz.
    local chord_s=6 loop_s=24 rate=16000
    # MIDI notes: the pad's three voices, then the four notes the arpeggio walks.
    local -a chords=(
        "60 64 67|72 76 79 84"   # C:  C4 E4 G4 | C5 E5 G5 C6
        "57 64 69|69 72 76 81"   # Am: A3 E4 A4 | A4 C5 E5 A5
        "60 65 69|65 69 72 77"   # F:  C4 F4 A4 | F4 A4 C5 F5
        "59 62 67|67 71 74 79"   # G:  B3 D4 G4 | G4 B4 D5 G5
    )
    # Which of the four arpeggio notes sounds at each half second of a chord.
    local -a pattern=(0 1 2 3 2 1 0 1 2 3 2 1)
    local parts=() i j start pad_notes arp hz
    for i in "${!chords[@]}"; do
        start=$((i * chord_s))
        pad_notes="${chords[$i]%%|*}"
        read -r -a arp <<<"${chords[$i]#*|}"
        local synth_args=()
        for j in $pad_notes; do synth_args+=(sine "$(note_hz "$j")"); done
        # Pad: 7.5 s long, so it overlaps the next chord by 1.5 s while fading out.
        sox -D -R -r "$rate" -c 3 -n -b 32 -e floating-point "$work/moh-pad-$i.wav" \
            synth 7.5 "${synth_args[@]}" remix 1-3 fade h 1.5 7.5 1.5 vol 0.12 pad "$start"
        parts+=("$work/moh-pad-$i.wav")
        for j in "${!pattern[@]}"; do
            hz=$(note_hz "${arp[${pattern[$j]}]}")
            # Notes ring 2 s, decaying; every sixth one (the chord's first and seventh) a little
            # stronger, as a player would lean on the beat.
            local level=0.22
            if ((j % 6 == 0)); then level=0.3; fi
            sox -D -R -r "$rate" -c 2 -n -b 32 -e floating-point "$work/moh-arp-$i-$j.wav" \
                synth 2 sine "$hz" sine "$(awk -v f="$hz" 'BEGIN { printf "%.4f", 2 * f }')" \
                remix 1v0.85,2v0.15 fade l 0.01 2 1.99 vol "$level" \
                pad "$(awk -v s="$start" -v j="$j" 'BEGIN { printf "%.2f", s + j * 0.5 }')"
            parts+=("$work/moh-arp-$i-$j.wav")
        done
    done
    local inputs=()
    for i in "${parts[@]}"; do inputs+=(-v 1 "$i"); done
    sox -D -R -m "${inputs[@]}" -b 32 -e floating-point "$work/moh-long.wav"
    sox -D -R "$work/moh-long.wav" "$work/moh-body.wav" trim 0 "$loop_s"
    sox -D -R "$work/moh-long.wav" "$work/moh-tail.wav" trim "$loop_s"
    # The level stays well below the speech (MOH_PEAK_DB).
    sox -D -R -m -v 1 "$work/moh-body.wav" -v 1 "$work/moh-tail.wav" -b 16 "$work/moh.wav" \
        rate -v 8000 norm "$MOH_PEAK_DB"
}

# Numbers 0 … 59 as digits: espeak-ng reads them as cardinal words ("eins", "einundzwanzig",
# "twenty-one"); without a full stop after them German does not read ordinals.
for lang in "${LANGS[@]}"; do
    while IFS=$'\t' read -r name de en; do
        [[ -z "$name" || "$name" == \#* ]] && continue
        case "$lang" in
            de) speak de "$name" "$de" ;;
            en) speak en "$name" "$en" ;;
        esac
    done <"$TEXTS"
    for n in $(seq 0 59); do
        speak "$lang" "number-$n" "$n"
    done
done

beep
music_on_hold
for lang in "${LANGS[@]}"; do
    sox -D -R "$work/beep.wav" -e u-law -b 8 -r 8000 -c 1 "$out/$lang/beep.wav"
    wrote "$lang" beep ""
    sox -D -R "$work/moh.wav" -e u-law -b 8 -r 8000 -c 1 "$out/$lang/music-on-hold.wav"
    wrote "$lang" music-on-hold ""
done

echo
echo "Durations (seconds) and seconds per character of text:"
printf '%-24s %7s %7s  %s\n' name de en check
implausible=0
while IFS=$'\t' read -r name; do
    de_s=$(awk -F'\t' -v n="$name" '$1 == n && $2 == "de" { print $3 }' "$report")
    en_s=$(awk -F'\t' -v n="$name" '$1 == n && $2 == "en" { print $3 }' "$report")
    verdict=ok
    for lang in "${LANGS[@]}"; do
        row=$(awk -F'\t' -v n="$name" -v l="$lang" '$1 == n && $2 == l' "$report")
        text=$(cut -f4 <<<"$row")
        seconds=$(cut -f3 <<<"$row")
        [[ -z "$text" ]] && continue
        # Characters of the text as it is spoken: digits count as the word they stand for, roughly.
        chars=$(awk -v t="$text" 'BEGIN { n = length(t); if (t ~ /^[0-9]+$/) n = 4 * length(t) + 1; print n }')
        if ! awk -v s="$seconds" -v c="$chars" -v lo="$MIN_S_PER_CHAR" -v hi="$MAX_S_PER_CHAR" \
            'BEGIN { r = (s - 2 * 0.1) / c; exit !(r >= lo && r <= hi) }'; then
            verdict="IMPLAUSIBLE ($lang: $seconds s for ${chars} chars)"
            implausible=$((implausible + 1))
        fi
    done
    printf '%-24s %7.2f %7.2f  %s\n' "$name" "$de_s" "$en_s" "$verdict"
done < <(cut -f1 "$report" | awk '!seen[$0]++')

echo
echo "Summary: $count files, $bytes bytes ($(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1024 }') KiB) in $out"
if ((implausible)); then
    echo "$implausible file(s) with an implausible length for their text" >&2
    exit 1
fi

if $check; then
    echo
    differing=0
    for file in "$out"/*/*.wav; do
        rel="${file#"$out"/}"
        if [[ ! -e "$committed/$rel" ]]; then
            echo "NOT COMMITTED: $rel" >&2
            differing=$((differing + 1))
        elif ! cmp -s "$file" "$committed/$rel"; then
            echo "DIFFERS: $rel" >&2
            differing=$((differing + 1))
        fi
    done
    for file in "$committed"/*/*.wav; do
        rel="${file#"$committed"/}"
        [[ -e "$out/$rel" ]] || { echo "NOT GENERATED: $rel" >&2; differing=$((differing + 1)); }
    done
    if ((differing)); then
        echo "Check failed: $differing file(s) differ from $committed" >&2
        exit 1
    fi
    echo "Check passed: all $count files are byte-identical to $committed"
fi
