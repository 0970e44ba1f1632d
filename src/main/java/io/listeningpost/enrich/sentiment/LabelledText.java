package io.listeningpost.enrich.sentiment;

/** One human-labelled text: label 0 negative, 1 neutral, 2 positive. */
public record LabelledText(String id, String text, int label) {}
