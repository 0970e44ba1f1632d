"""Listening Post's nightly job on a Spark cluster, from Airflow.

Submits target/listening-post-cluster.jar (our code and libraries, without Spark) with main class
io.listeningpost.run.Main and `nightly --config jobs/nightly.conf`, as the launcher does on one machine.
Install (README, "Scheduling"): copy this file into the DAGs folder of an Airflow that has the
apache-airflow-providers-apache-spark package, set LISTENING_POST_HOME on the workers to a built checkout
(`mvn -B -DskipTests package`), and point the `spark_default` connection at the cluster.

The task succeeds when spark-submit exits 0, that is when the driver's exit code is 0 (README, "Exit
codes"); any other code fails the task. In client mode, the default here, the driver runs on the Airflow
worker, so its exit code and its log (the run summary) are the task's; `jobs/listening-post status`
then shows the run.
"""

import os
from datetime import timedelta
from pathlib import Path

import pendulum
from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

LP_HOME = Path(os.environ.get("LISTENING_POST_HOME", "/opt/listening-post"))

# The job file. On a cluster its sources and warehouse must be on storage every executor reaches
# (hdfs://…); the job file's keys are in docs/config.md.
JOB_FILE = LP_HOME / "jobs" / "nightly.conf"

# The same master as the spark_default connection: the job file's spark.master (local[*] in nightly.conf)
# would otherwise run the job inside the driver.
SPARK_MASTER = "yarn"

# The JVM flags Spark needs on Java 17, as jobs/listening-post passes them.
ADD_OPENS = " ".join(
    "--add-opens=java.base/" + package + "=ALL-UNNAMED"
    for package in (
        "java.lang",
        "java.lang.invoke",
        "java.lang.reflect",
        "java.io",
        "java.net",
        "java.nio",
        "java.util",
        "java.util.concurrent",
        "java.util.concurrent.atomic",
        "sun.nio.ch",
        "sun.nio.cs",
        "sun.security.action",
        "sun.util.calendar",
    )
)


def model_jars():
    """CoreNLP's models jars, which executors load the POS and NER models from, as the launcher finds them.

    Read when the task runs, from the classpath the build wrote, so that parsing the DAG reads no file.
    """
    classpath = (LP_HOME / "target" / "local-classpath.txt").read_text().strip().split(":")
    jars = [j for j in classpath if Path(j).name.startswith("stanford-corenlp-") and "-models" in Path(j).name]
    if not jars:
        raise FileNotFoundError(f"no CoreNLP models jar in {LP_HOME}/target/local-classpath.txt: build the checkout")
    return ",".join(jars)


with DAG(
    dag_id="listening_post_nightly",
    description="Listening Post: ingest, enrich, graph, audiences, alerts, report",
    schedule="15 2 * * *",
    start_date=pendulum.datetime(2026, 11, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    user_defined_macros={"model_jars": model_jars},
    default_args={"retries": 0},
    tags=["listening-post"],
) as dag:
    SparkSubmitOperator(
        task_id="nightly",
        conn_id="spark_default",
        application=str(LP_HOME / "target" / "listening-post-cluster.jar"),
        java_class="io.listeningpost.run.Main",
        # The run date is the day the run is due (UTC), as the launcher takes today's date from cron or
        # systemd; a re-run of a past night analyses that night again. It replaces a run.date in the job file.
        application_args=[
            "nightly",
            "--config", str(JOB_FILE),
            "--master", SPARK_MASTER,
            "--date", "{{ data_interval_end | ds }}",
        ],
        jars="{{ model_jars() }}",
        conf={
            "spark.executor.memory": "8g",
            "spark.driver.memory": "8g",
            "spark.executor.extraJavaOptions": ADD_OPENS,
            "spark.driver.extraJavaOptions": ADD_OPENS,
        },
        deploy_mode="client",
        # The pseudonym key for privacy.pseudonymise, from an Airflow Variable; "secret" in its name keeps it
        # masked in the task's log and rendered fields.
        env_vars={"LISTENING_POST_PSEUDONYM_KEY": "{{ var.value.get('listening_post_pseudonym_secret', '') }}"},
        execution_timeout=timedelta(hours=6),
    )
