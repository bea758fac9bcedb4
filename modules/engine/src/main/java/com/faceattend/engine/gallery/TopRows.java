package com.faceattend.engine.gallery;

import java.util.Arrays;

/**
 * Keeps the rows with the highest approximate scores (integer dot times the row's scale) seen so far:
 * a min-heap of the best {@code capacity}, so most rows fail the first comparison. One per search
 * thread; {@link #merge} joins them.
 */
final class TopRows {
    private final int[] heap;
    private final float[] score;
    private int size;

    TopRows(int capacity) {
        heap = new int[capacity];
        score = new float[capacity];
    }

    /** Offers rows {@code first .. first + count - 1} with integer dots {@code dots[0 .. count - 1]}. */
    void offer(int[] dots, float[] rowScale, int first, int count) {
        int n = heap.length;
        for (int i = 0; i < count; i++) {
            int r = first + i;
            float s = dots[i] * rowScale[r];
            if (size < n) {
                heap[size] = r;
                score[size] = s;
                siftUp(size++);
            } else if (s > score[0]) {
                heap[0] = r;
                score[0] = s;
                siftDown(n);
            }
        }
    }

    /** Indices of the best rows offered to any of {@code parts}, at most the capacity of one, in no order. */
    static int[] merge(TopRows... parts) {
        if (parts.length == 1) {
            return parts[0].rows();
        }
        TopRows all = null;
        for (TopRows p : parts) {
            if (p == null) {
                continue; // a chunk without rows
            }
            all = all == null ? new TopRows(p.heap.length) : all;
            for (int i = 0; i < p.size; i++) {
                all.offerScored(p.heap[i], p.score[i]);
            }
        }
        return all == null ? new int[0] : all.rows();
    }

    /** Indices of the best rows offered, in no order. */
    int[] rows() {
        return Arrays.copyOf(heap, size);
    }

    private void offerScored(int r, float s) {
        if (size < heap.length) {
            heap[size] = r;
            score[size] = s;
            siftUp(size++);
        } else if (s > score[0]) {
            heap[0] = r;
            score[0] = s;
            siftDown(heap.length);
        }
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (score[parent] <= score[i]) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int n) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1, r = l + 1, min = i;
            if (l < n && score[l] < score[min]) {
                min = l;
            }
            if (r < n && score[r] < score[min]) {
                min = r;
            }
            if (min == i) {
                return;
            }
            swap(i, min);
            i = min;
        }
    }

    private void swap(int a, int b) {
        int h = heap[a];
        heap[a] = heap[b];
        heap[b] = h;
        float s = score[a];
        score[a] = score[b];
        score[b] = s;
    }
}
