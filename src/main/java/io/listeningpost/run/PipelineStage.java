package io.listeningpost.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.listeningpost.alerts.AlertsStep;
import io.listeningpost.audiences.AudiencesStep;
import io.listeningpost.core.Pseudonyms;
import io.listeningpost.core.config.ListeningPostConfig;
import io.listeningpost.enrich.EnrichStep;
import io.listeningpost.graph.GraphStep;
import io.listeningpost.ingest.IngestStep;
import io.listeningpost.report.ReportStep;
import io.listeningpost.stage.StageContext;
import io.listeningpost.stage.StageResult;
import io.listeningpost.stage.StageTables;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pipeline's stages, in the order a person reads them; a run orders them by the tables they declare
 * ({@link StagePlan}). Each names the settings its output depends on, which are part of its inputs.
 */
enum PipelineStage implements PlannedStage {
  INGEST(IngestStep.TABLES) {
    @Override
    public String disabledBy(ListeningPostConfig c) {
      return null;
    }

    @Override
    Map<String, Object> used(ListeningPostConfig c) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("sources", c.sources());
      m.put("limits", c.ingestLimits());
      m.put("privacy", privacy(c));
      // Pseudonymising leaves the watched brands' own names and handles readable.
      m.put("watch", c.privacy().pseudonymise() ? c.enrich().watch() : List.of());
      return m;
    }

    @Override
    public List<String> reads(ListeningPostConfig c) {
      return c.sources().stream().map(s -> s.path()).toList();
    }

    @Override
    public StageResult run(StageContext ctx) throws Exception {
      return new IngestStep(ctx).run();
    }
  },
  ENRICH(EnrichStep.TABLES) {
    @Override
    public String disabledBy(ListeningPostConfig c) {
      return c.enrich().enabled() ? null : "enrich.enabled = false";
    }

    @Override
    Map<String, Object> used(ListeningPostConfig c) {
      return Map.of("enrich", c.enrich());
    }

    @Override
    public StageResult run(StageContext ctx) {
      return new EnrichStep(ctx).run();
    }
  },
  GRAPH(GraphStep.TABLES) {
    @Override
    public String disabledBy(ListeningPostConfig c) {
      return c.graph().enabled() ? null : "graph.enabled = false";
    }

    @Override
    Map<String, Object> used(ListeningPostConfig c) {
      return Map.of("graph", c.graph());
    }

    @Override
    public StageResult run(StageContext ctx) {
      return new GraphStep(ctx).run();
    }
  },
  AUDIENCES(AudiencesStep.TABLES) {
    @Override
    public String disabledBy(ListeningPostConfig c) {
      return c.audiences().enabled() ? null : "audiences.enabled = false";
    }

    @Override
    Map<String, Object> used(ListeningPostConfig c) {
      return Map.of("audiences", c.audiences(), "privacy", privacy(c));
    }

    @Override
    public StageResult run(StageContext ctx) {
      return new AudiencesStep(ctx).run();
    }
  },
  ALERTS(AlertsStep.TABLES) {
    @Override
    public String disabledBy(ListeningPostConfig c) {
      return c.alerts().enabled() ? null : "alerts.enabled = false";
    }

    @Override
    Map<String, Object> used(ListeningPostConfig c) {
      return Map.of("alerts", c.alerts(), "watch", c.enrich().watch());
    }

    @Override
    public StageResult run(StageContext ctx) {
      return new AlertsStep(ctx).run();
    }
  },
  REPORT(ReportStep.TABLES) {
    @Override
    public String disabledBy(ListeningPostConfig c) {
      return c.reportEnabled() ? null : "report.enabled = false";
    }

    @Override
    Map<String, Object> used(ListeningPostConfig c) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("graph-window-days", c.graph().windowDays());
      m.put("audiences-window-days", c.audiences().windowDays());
      m.put("watch", c.enrich().watch());
      m.put("reports", c.reports());
      return m;
    }

    @Override
    public List<Path> files(ListeningPostConfig c, LocalDate day) {
      Path folder = Path.of(c.reports(), day.toString());
      return List.of(folder.resolve(ReportStep.PAGE), folder.resolve(ReportStep.SUMMARY));
    }

    @Override
    public StageResult run(StageContext ctx) {
      return new ReportStep(ctx).run();
    }
  };

  private static final ObjectMapper CANONICAL = JsonMapper.builder()
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
      .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true).build();

  private final StageTables tables;

  PipelineStage(StageTables tables) {
    this.tables = tables;
  }

  /** The stage by its name on the command line, e.g. {@code graph}; null when there is none. */
  static PipelineStage named(String name) {
    return Arrays.stream(values()).filter(s -> s.id().equals(name)).findFirst().orElse(null);
  }

  static List<String> ids() {
    List<String> n = new ArrayList<>();
    for (PipelineStage s : values()) {
      n.add(s.id());
    }
    return n;
  }

  @Override
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public StageTables tables() {
    return tables;
  }

  /** The settings the stage's output depends on, by name. */
  abstract Map<String, Object> used(ListeningPostConfig c);

  @Override
  public String settings(ListeningPostConfig c) {
    Map<String, Object> used = new LinkedHashMap<>(used(c));
    used.put("rows-per-file", c.rowsPerFile());
    try {
      return CANONICAL.writeValueAsString(used);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render the settings of " + this + ": " + e.getMessage(), e);
    }
  }

  /**
   * Privacy settings and, when pseudonymising, the pseudonym of a fixed text: it changes with the key, so
   * that a new key reruns the stages that write pseudonyms, and it does not reveal the key.
   */
  private static Map<String, Object> privacy(ListeningPostConfig c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("settings", c.privacy());
    Pseudonyms p = Pseudonyms.of(c.privacy(), System.getenv());
    m.put("key", p == null ? null : p.of("listening-post stage fingerprint"));
    return m;
  }
}
