package com.faceattend.engine.gallery;

import java.util.Arrays;

/** Picks the rows with the highest approximate scores (int8 dot times the row's scale). */
final class TopRows {
    private TopRows() {
    }

    /** Indices of the {@code count} best rows among {@code rows} (all rows when fewer), in no order. */
    static int[] select(int[] dots, float[] rowScale, int rows, int count) {
        int n = Math.min(count, rows);
        // A min-heap of the best n seen so far: most rows fail the first comparison.
        int[] heap = new int[n];
        float[] heapScore = new float[n];
        int size = 0;
        for (int r = 0; r < rows; r++) {
            float s = dots[r] * rowScale[r];
            if (size < n) {
                heap[size] = r;
                heapScore[size] = s;
                siftUp(heap, heapScore, size++);
            } else if (s > heapScore[0]) {
                heap[0] = r;
                heapScore[0] = s;
                siftDown(heap, heapScore, n);
            }
        }
        return Arrays.copyOf(heap, size);
    }

    private static void siftUp(int[] heap, float[] score, int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (score[parent] <= score[i]) {
                return;
            }
            swap(heap, score, i, parent);
            i = parent;
        }
    }

    private static void siftDown(int[] heap, float[] score, int size) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1, r = l + 1, min = i;
            if (l < size && score[l] < score[min]) {
                min = l;
            }
            if (r < size && score[r] < score[min]) {
                min = r;
            }
            if (min == i) {
                return;
            }
            swap(heap, score, i, min);
            i = min;
        }
    }

    private static void swap(int[] heap, float[] score, int a, int b) {
        int h = heap[a];
        heap[a] = heap[b];
        heap[b] = h;
        float s = score[a];
        score[a] = score[b];
        score[b] = s;
    }
}
