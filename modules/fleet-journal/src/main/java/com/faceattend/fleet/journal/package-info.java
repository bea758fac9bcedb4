/**
 * Offline-safe stations (issue 13). A station commits every event it decides (attendance, stranger
 * sighting, suspected spoof) to its {@link com.faceattend.fleet.journal.EventJournal} first, under a
 * globally unique id made there; a {@link com.faceattend.fleet.journal.JournalForwarder} thread
 * delivers the journal in order to the central store through a
 * {@link com.faceattend.fleet.journal.Delivery}, and marks what arrived. The central tables hold
 * each event id once (migration V7), so a delivery repeated after a crash is harmless. While the
 * central store is unreachable the forwarder backs off and reports "offline, N events waiting";
 * {@link com.faceattend.fleet.journal.Backlog} tells a heartbeat how many wait.
 */
package com.faceattend.fleet.journal;
