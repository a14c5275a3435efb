package io.verbund.acd.telephony.media;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Keeps the file a recording writes, and the calls that wrote it, with the thread each came on. */
final class MemorySink implements RecordingSink {

    final List<String> calls = new ArrayList<>();
    final List<Thread> threads = new ArrayList<>();
    private byte[] file = new byte[0];
    private int failAtAppend = -1;
    private int appends;

    MemorySink failingAtAppend(int number) {
        failAtAppend = number;
        return this;
    }

    @Override
    public synchronized void start(byte[] header) {
        record("start " + header.length);
        write(0, header, 0, header.length);
    }

    @Override
    public synchronized void append(long offset, byte[] data, int off, int len) throws IOException {
        if (++appends == failAtAppend) {
            throw new IOException("storage service gone");
        }
        record("append " + offset + " " + len);
        write(offset, data, off, len);
    }

    @Override
    public synchronized void finish(byte[] finalHeader, long dataLength) {
        record("finish " + dataLength);
        write(0, finalHeader, 0, finalHeader.length);
    }

    @Override
    public synchronized void abort() {
        record("abort");
    }

    synchronized byte[] file() {
        return file.clone();
    }

    private void record(String call) {
        calls.add(call);
        threads.add(Thread.currentThread());
    }

    private void write(long offset, byte[] data, int off, int len) {
        if (offset + len > file.length) {
            file = Arrays.copyOf(file, (int) (offset + len));
        }
        System.arraycopy(data, off, file, (int) offset, len);
    }
}
