package io.verbund.acd.audio;

import java.util.Optional;

/** How a WAV file's samples are coded: the three a telephone system meets. */
public enum WavEncoding {

    /** Linear PCM, format tag 1. */
    PCM(1, null),
    /** G.711 A-law, format tag 6. */
    A_LAW(6, AudioCodec.PCMA),
    /** G.711 µ-law, format tag 7. */
    MU_LAW(7, AudioCodec.PCMU);

    private final int formatTag;
    private final AudioCodec codec;

    WavEncoding(int formatTag, AudioCodec codec) {
        this.formatTag = formatTag;
        this.codec = codec;
    }

    public int formatTag() {
        return formatTag;
    }

    /** The G.711 codec, empty for linear PCM. */
    public Optional<AudioCodec> codec() {
        return Optional.ofNullable(codec);
    }

    public static WavEncoding of(AudioCodec codec) {
        return codec == AudioCodec.PCMU ? MU_LAW : A_LAW;
    }

    static Optional<WavEncoding> ofFormatTag(int formatTag) {
        for (WavEncoding encoding : values()) {
            if (encoding.formatTag == formatTag) {
                return Optional.of(encoding);
            }
        }
        return Optional.empty();
    }
}
