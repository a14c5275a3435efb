package io.verbund.acd.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamFramerTest {

    private static final int MAX = 8192;

    private static final String LONG_FORMS = "INVITE sip:1@127.0.0.1 SIP/2.0\r\n"
            + "Via: SIP/2.0/TCP 127.0.0.1:5070;branch=z9hG4bK-1\r\n"
            + "From: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:1@127.0.0.1>\r\nCall-ID: long-1\r\n"
            + "CSeq: 1 INVITE\r\nMax-Forwards: 70\r\nContent-Type: application/sdp\r\nContent-Length: 5\r\n\r\nv=0\r\n";
    private static final String COMPACT_FORMS = "INVITE sip:2@127.0.0.1 SIP/2.0\r\n"
            + "v: SIP/2.0/TCP 127.0.0.1:5070;branch=z9hG4bK-2\r\n"
            + "f: <sip:a@127.0.0.1>;tag=2\r\nt: <sip:2@127.0.0.1>\r\nI : compact-2\r\n"
            + "CSeq: 2 INVITE\r\nMax-Forwards: 70\r\nc: application/sdp\r\nL\t:  7 \r\n\r\nv=0\r\nx\n";
    private static final String NO_CALL_ID = "OPTIONS sip:127.0.0.1 SIP/2.0\r\n"
            + "Via: SIP/2.0/TCP 127.0.0.1:5070;branch=z9hG4bK-3\r\n"
            + "From: <sip:a@127.0.0.1>;tag=3\r\nTo: <sip:127.0.0.1>\r\n"
            + "CSeq: 3 OPTIONS\r\nMax-Forwards: 70\r\ncontent-length: 0\r\n\r\n";

    /** Records what the framer hands on. */
    private static final class Recorder implements StreamFramer.Sink {
        final List<byte[]> messages = new ArrayList<>();
        int pings;
        int pongs;
        int status;
        String reason;
        byte[] headerBlock;

        @Override
        public void message(byte[] message) {
            messages.add(message);
        }

        @Override
        public void ping() {
            pings++;
        }

        @Override
        public void pong() {
            pongs++;
        }

        @Override
        public void refuse(int status, String reason, byte[] headerBlock) {
            this.status = status;
            this.reason = reason;
            this.headerBlock = headerBlock;
        }

        List<String> texts() {
            return messages.stream().map(m -> new String(m, StandardCharsets.UTF_8)).toList();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Recorder feedWhole(String stream) throws Exception {
        Recorder recorder = new Recorder();
        byte[] bytes = bytes(stream);
        new StreamFramer(MAX).feed(bytes, 0, bytes.length, recorder);
        return recorder;
    }

    /**
     * What JAIN-SIP's stream reader (NioPipelineParser) makes of a message handed to it whole: the
     * last line starting with content-length gives the body length by substring and trim, the
     * last line starting with call-id the dispatch key; it needs both. Checks they match the
     * message's real framing.
     */
    private static void assertTheStackFramesItTheSame(byte[] message) {
        String text = new String(message, StandardCharsets.UTF_8);
        int headerEnd = text.indexOf("\n\r\n") + 3;
        Integer length = null;
        String callId = null;
        for (String line : text.substring(0, headerEnd - 2).split("\n")) {
            String lower = line.toLowerCase();
            if (lower.startsWith("content-length")) {
                length = Integer.parseInt(line.substring("content-length".length() + 1).trim());
            } else if (lower.startsWith("call-id")) {
                callId = line.substring("call-id".length() + 1).trim();
            }
        }
        assertThat(length).as("Content-Length the stack reads in %s", text).isEqualTo(message.length - headerEnd);
        assertThat(callId).as("Call-ID the stack reads in %s", text).isNotBlank();
    }

    @Test
    void aLongFormMessageWholeInOneReadIsHandedOnAsItIsWithoutACopy() throws Exception {
        Recorder recorder = new Recorder();
        byte[] read = bytes(LONG_FORMS);

        assertThat(new StreamFramer(MAX).feed(read, 0, read.length, recorder)).isTrue();

        assertThat(recorder.messages).hasSize(1);
        assertThat(recorder.messages.get(0)).isSameAs(read);
        assertTheStackFramesItTheSame(read);
    }

    @Test
    void compactContentLengthAndCallIdWithWhitespaceBeforeTheColonAreWrittenInTheFormTheStackReads() throws Exception {
        Recorder recorder = feedWhole(COMPACT_FORMS);

        assertThat(recorder.texts()).containsExactly(COMPACT_FORMS
                .replace("I : compact-2\r\n", "Call-ID: compact-2\r\n")
                .replace("L\t:  7 \r\n", "Content-Length: 7\r\n"));
        assertTheStackFramesItTheSame(recorder.messages.get(0));
    }

    @Test
    void foldedContentLengthAndCallIdAreUnfolded() throws Exception {
        String folded = LONG_FORMS.replace("Content-Length: 5\r\n", "Content-Length:\r\n   5\r\n")
                .replace("Call-ID: long-1\r\n", "call-id:\r\n\tlong-1\r\n");

        Recorder recorder = feedWhole(folded);

        assertThat(recorder.texts()).containsExactly(LONG_FORMS);
    }

    @Test
    void aMessageWithoutCallIdGetsTheStandInSoTheListenerAnswers400() throws Exception {
        Recorder recorder = feedWhole(NO_CALL_ID);

        assertThat(recorder.messages).hasSize(1);
        assertTheStackFramesItTheSame(recorder.messages.get(0));
        SIPMessage parsed = new MissingCallIdParsing().createMessageParser(null).parseSIPMessage(recorder.messages.get(0), true, false, null);
        assertThat(MissingCallIdParsing.arrivedWithoutCallId((SIPRequest) parsed)).isTrue();
    }

    @Test
    void severalMessagesAndKeepAlivesInOneReadAreHandedOnInOrder() throws Exception {
        Recorder recorder = feedWhole("\r\n\r\n" + LONG_FORMS + COMPACT_FORMS + "\r\n" + NO_CALL_ID + LONG_FORMS);

        assertThat(recorder.messages).hasSize(4);
        assertThat(recorder.texts().get(0)).isEqualTo(LONG_FORMS);
        assertThat(recorder.texts().get(1)).contains("Call-ID: compact-2\r\n");
        assertThat(recorder.texts().get(2)).startsWith("OPTIONS ");
        assertThat(recorder.texts().get(3)).isEqualTo(LONG_FORMS);
        assertThat(recorder.pings).isEqualTo(1);
        assertThat(recorder.pongs).isEqualTo(2);
    }

    @Test
    void theStreamSplitAtEveryByteBoundaryOrByteByByteGivesTheSameMessages() throws Exception {
        String stream = LONG_FORMS + "\r\n\r\n" + COMPACT_FORMS + NO_CALL_ID + LONG_FORMS;
        byte[] bytes = bytes(stream);
        List<String> whole = feedWhole(stream).texts();
        assertThat(whole).hasSize(4);

        for (int split = 1; split < bytes.length; split++) {
            Recorder recorder = new Recorder();
            StreamFramer framer = new StreamFramer(MAX);
            framer.feed(Arrays.copyOfRange(bytes, 0, split), 0, split, recorder);
            framer.feed(Arrays.copyOfRange(bytes, split, bytes.length), 0, bytes.length - split, recorder);
            assertThat(withoutStandIns(recorder.texts())).as("split at %d", split).isEqualTo(withoutStandIns(whole));
            assertThat(recorder.pings).as("pings, split at %d", split).isEqualTo(1);
            recorder.messages.forEach(StreamFramerTest::assertTheStackFramesItTheSame);
        }
        Recorder trickled = new Recorder();
        StreamFramer framer = new StreamFramer(MAX);
        for (byte b : bytes) {
            framer.feed(new byte[] {b}, 0, 1, trickled);
        }
        assertThat(withoutStandIns(trickled.texts())).isEqualTo(withoutStandIns(whole));
        assertThat(trickled.pings).isEqualTo(1);
    }

    private static List<String> withoutStandIns(List<String> messages) {
        return messages.stream().map(m -> m.replaceAll("no-call-id-[-0-9a-f]+", "stand-in")).toList();
    }

    @Test
    void aMessageWithoutContentLengthIsRefusedWith400AndNothingAfterItIsTaken() throws Exception {
        Recorder recorder = new Recorder();
        StreamFramer framer = new StreamFramer(MAX);
        byte[] noLength = bytes(LONG_FORMS.replace("Content-Length: 5\r\n", "") + LONG_FORMS);

        assertThat(framer.feed(noLength, 0, noLength.length, recorder)).isFalse();
        assertThat(framer.feed(bytes(LONG_FORMS), 0, LONG_FORMS.length(), recorder)).isFalse();

        assertThat(recorder.messages).isEmpty();
        assertThat(recorder.status).isEqualTo(400);
        assertThat(recorder.reason).isEqualTo("Missing Content-Length");
        assertThat(new String(recorder.headerBlock, StandardCharsets.UTF_8)).startsWith("INVITE ").endsWith("Content-Type: application/sdp\r\n\r\n");
    }

    @Test
    void aContentLengthThatIsNoNumberOrContradictsAnotherIsRefusedWith400() throws Exception {
        for (String bad : List.of("Content-Length: abc", "Content-Length: -5", "Content-Length: 5 5", "l:",
                "Content-Length: 9999999999", "Content-Length: 5\r\nl: 6")) {
            Recorder recorder = feedWhole(LONG_FORMS.replace("Content-Length: 5", bad));
            assertThat(recorder.messages).as(bad).isEmpty();
            assertThat(recorder.status).as(bad).isEqualTo(400);
        }
        Recorder leadingZeros = feedWhole(LONG_FORMS.replace("Content-Length: 5", "Content-Length: 000000000000000000005"));
        assertThat(leadingZeros.texts()).as("leading zeros (RFC 5118)").hasSize(1);
        assertTheStackFramesItTheSame(leadingZeros.messages.get(0));
        Recorder sameTwice = feedWhole(LONG_FORMS.replace("Content-Length: 5", "Content-Length: 5\r\nl: 5"));
        assertThat(sameTwice.messages).as("the parser answers the repetition").hasSize(1);
    }

    @Test
    void aHeaderTheStacksReaderWouldTakeForContentLengthOrCallIdIsRefused() throws Exception {
        for (String confusable : List.of("Content-Lengthy: 99", "Call-IDs: other", "Call-ID-Info: x")) {
            Recorder recorder = feedWhole(LONG_FORMS.replace("Max-Forwards: 70", confusable));
            assertThat(recorder.messages).as(confusable).isEmpty();
            assertThat(recorder.status).as(confusable).isEqualTo(400);
        }
    }

    @Test
    void aBodyBeyondTheMaximumSizeIsRefusedWith513OnceTheHeaderBlockArrived() throws Exception {
        Recorder recorder = feedWhole(LONG_FORMS.replace("Content-Length: 5", "Content-Length: " + MAX));

        assertThat(recorder.messages).isEmpty();
        assertThat(recorder.status).isEqualTo(513);
        assertThat(recorder.headerBlock).isNotNull();
    }

    @Test
    void aTricklingHeaderBlockIsBufferedOnlyUpToTheMaximumThenRefused() throws Exception {
        Recorder recorder = new Recorder();
        StreamFramer framer = new StreamFramer(MAX);
        byte[] start = bytes("OPTIONS sip:127.0.0.1 SIP/2.0\r\nX-Filler: ");
        assertThat(framer.feed(start, 0, start.length, recorder)).isTrue();
        int fed = start.length;
        while (fed < MAX - 1) {
            assertThat(framer.feed(new byte[] {'x'}, 0, 1, recorder)).isTrue();
            fed++;
        }

        assertThat(framer.feed(new byte[] {'x'}, 0, 1, recorder)).as("the byte that fills the maximum").isFalse();

        assertThat(recorder.status).isEqualTo(513);
        assertThat(recorder.headerBlock).isNull();
        assertThat(recorder.messages).isEmpty();
    }

    @Test
    void aMessageOfExactlyTheMaximumSizeIsTaken() throws Exception {
        String head = LONG_FORMS.substring(0, LONG_FORMS.indexOf("\r\n\r\n") + 4);
        String body = "x".repeat(MAX - head.length() + "5".length() - String.valueOf(MAX).length());
        String message = head.replace("Content-Length: 5", "Content-Length: " + body.length()) + body;
        assertThat(message).hasSize(MAX);

        Recorder recorder = feedWhole(message);

        assertThat(recorder.texts()).containsExactly(message);
    }

    @Test
    void aRefusedRequestGetsItsAnswerBuiltFromItsHeaderBlock() throws Exception {
        Recorder recorder = feedWhole(LONG_FORMS.replace("Content-Length: 5\r\n", ""));

        byte[] answer = StreamRefusal.response(recorder.headerBlock, recorder.status, recorder.reason, "TCP");

        assertThat(new String(answer, StandardCharsets.UTF_8)).startsWith("SIP/2.0 400 Missing Content-Length\r\n")
                .contains("Call-ID: long-1\r\n").contains("CSeq: 1 INVITE\r\n");
        assertThat(StreamRefusal.response(bytes("SIP/2.0 200 OK\r\nCall-ID: x\r\nCSeq: 1 OPTIONS\r\n\r\n"), 400, "x", "TCP"))
                .as("no answer to a response").isNull();
        assertThat(StreamRefusal.response(bytes("GET / HTTP/1.1\r\n\r\n"), 400, "x", "TCP")).as("nor to garbage").isNull();
    }
}
