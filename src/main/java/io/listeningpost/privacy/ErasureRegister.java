package io.listeningpost.privacy;

import static org.apache.spark.sql.functions.col;

import io.listeningpost.core.ErasedIdentities;
import io.listeningpost.core.ErasureKey;
import io.listeningpost.core.Pseudonyms;
import io.listeningpost.stage.StageContext;
import io.listeningpost.storage.Tables;
import io.listeningpost.storage.Warehouse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The {@code _erased} table: the keyed fingerprints of everything {@code forget} erased, which every
 * ingest checks its records against ({@link ErasedIdentities}). It holds no id, name, post id or text,
 * only fingerprints ({@link ErasureKey}); a warehouse's fingerprints are all keyed the same way, with the
 * pseudonym key or with the register's salt.
 */
public final class ErasureRegister {
  private final Warehouse warehouse;
  private final Pseudonyms pseudonyms;

  /** @param pseudonyms the run's pseudonyms; null when privacy.pseudonymise is off */
  public ErasureRegister(Warehouse warehouse, Pseudonyms pseudonyms) {
    this.warehouse = warehouse;
    this.pseudonyms = pseudonyms;
  }

  /** What was erased, for ingest to check its records against. */
  public ErasedIdentities load() {
    List<Row> rows = entries();
    if (rows.isEmpty()) {
      return ErasedIdentities.none();
    }
    Set<String> fingerprints = new HashSet<>();
    rows.forEach(r -> fingerprints.add(r.getString(1)));
    return new ErasedIdentities(key(rows), fingerprints);
  }

  /**
   * The key of the register's fingerprints: the pseudonym key, or the register's salt (a new one for a
   * register that has none yet).
   *
   * @throws IllegalStateException when the register was keyed otherwise than this run can key it
   */
  public ErasureKey key() {
    return key(entries());
  }

  private ErasureKey key(List<Row> rows) {
    Set<String> keyedBy = new HashSet<>();
    String salt = null;
    for (Row r : rows) {
      keyedBy.add(r.getString(2));
      if (!r.isNullAt(3)) {
        salt = r.getString(3);
      }
    }
    if (pseudonyms != null) {
      if (keyedBy.contains(ErasureKey.REGISTER_SALT)) {
        throw new IllegalStateException("The erasure register (" + Tables.ERASED + ") was written without "
            + "privacy.pseudonymise, so its fingerprints are of ids as the sources give them, and this run "
            + "pseudonymises: it could not recognise them. Turning pseudonymisation on needs a new warehouse "
            + "(docs/privacy.md).");
      }
      return ErasureKey.of(pseudonyms);
    }
    if (keyedBy.contains(ErasureKey.PSEUDONYM_KEY)) {
      throw new IllegalStateException("The erasure register (" + Tables.ERASED + ") is keyed with the pseudonym "
          + "key, and this run has privacy.pseudonymise off: it could not recognise what was erased. Run with the "
          + "warehouse's privacy settings (docs/privacy.md).");
    }
    return ErasureKey.ofSalt(salt != null ? salt : ErasureKey.newSalt());
  }

  /**
   * Adds fingerprints, keeping the ones already there, and publishes the register whole.
   *
   * @param kinds the kind of each fingerprint, in the order of {@code fingerprints}
   * @return how many were new
   */
  public long add(StageContext ctx, ErasureKey key, List<String> kinds, List<String> fingerprints) {
    List<Row> rows = entries();
    Set<String> known = new HashSet<>();
    rows.forEach(r -> known.add(r.getString(1)));
    List<Row> all = new ArrayList<>(rows);
    Timestamp now = Timestamp.from(Instant.now());
    long added = 0;
    for (int i = 0; i < fingerprints.size(); i++) {
      if (known.add(fingerprints.get(i))) {
        all.add(RowFactory.create(kinds.get(i), fingerprints.get(i), key.keyedBy(), key.saltHex(), now, ctx.runId()));
        added++;
      }
    }
    if (added > 0) {
      warehouse.replaceTable(Tables.ERASED, ctx.spark().createDataFrame(all, Tables.ERASED_SCHEMA),
          new String[] {"kind", "fingerprint"});
    }
    return added;
  }

  private List<Row> entries() {
    Dataset<Row> table = warehouse.read(Tables.ERASED);
    return table.select(col("kind"), col("fingerprint"), col("keyed_by"), col("salt"), col("erased_at"),
        col(Tables.RUN_ID)).collectAsList();
  }
}
