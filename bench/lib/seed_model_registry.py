"""Seeds an MLflow model registry for bench/model-sync.ts.

Run in the local platform's MLflow virtualenv, against the benchmark's own
SQLite database (never the portal's):

    python seed_model_registry.py sqlite:////path/to/registry.db 5000 4

Goes through MLflow's own store: SqlAlchemyStore creates (and migrates) the
schema as `mlflow server` does, and the rows are MLflow's ORM objects
(registered models, their tags and aliases, model versions and their tags)
added in one transaction instead of 25,000 single REST calls. The
benchmark reads everything back through the REST API of an `mlflow server`
on this database. Prints one JSON line with what it wrote.
"""

import json
import sys
import time

from mlflow.store.model_registry.dbmodels.models import (
    SqlModelVersion,
    SqlModelVersionTag,
    SqlRegisteredModel,
    SqlRegisteredModelAlias,
    SqlRegisteredModelTag,
)
from mlflow.store.model_registry.sqlalchemy_store import SqlAlchemyStore

TEAMS = [f"bench-team-{i}" for i in range(10)]


def model_name(i: int) -> str:
    return f"bench-model-{i:05d}"


def main() -> None:
    db_uri, models, versions = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    started = time.time()
    store = SqlAlchemyStore(db_uri)
    with store.ManagedSessionMaker(read_only=False) as session:
        existing = session.query(SqlRegisteredModel).count()
        if existing:
            raise SystemExit(f"{db_uri} already has {existing} registered models")
        base = int(time.time() * 1000) - models * versions * 1000
        rows = []
        for i in range(models):
            name = model_name(i)
            created = base + i * versions * 1000
            rows.append(
                SqlRegisteredModel(
                    name=name,
                    creation_time=created,
                    last_updated_time=created + (versions - 1) * 1000,
                    description=f"Benchmark model {i}: gradient boosted trees on feature set {i % 37}",
                )
            )
            tags = {"ml-platform.io/team": TEAMS[i % len(TEAMS)]}
            if i % 4 != 3:
                tags["ml-platform.io/project"] = f"project-{i % 25}"
            if i % 5 == 0:
                tags["ml-platform.io/visibility"] = "public"
            tags["framework"] = "sklearn"
            rows.extend(
                SqlRegisteredModelTag(name=name, key=key, value=value)
                for key, value in tags.items()
            )
            for v in range(1, versions + 1):
                rows.append(
                    SqlModelVersion(
                        name=name,
                        version=v,
                        creation_time=created + (v - 1) * 1000,
                        last_updated_time=created + (v - 1) * 1000,
                        description=f"version {v}",
                        user_id="bench",
                        source=f"mlflow-artifacts:/bench/{name}/{v}/model",
                        storage_location=f"mlflow-artifacts:/bench/{name}/{v}/model",
                        status="READY",
                    )
                )
                rows.append(
                    SqlModelVersionTag(
                        name=name, version=v, key="validation_status", value="passed"
                    )
                )
            rows.append(SqlRegisteredModelAlias(name=name, alias="champion", version=versions))
        session.add_all(rows)
    print(
        json.dumps(
            {
                "models": models,
                "versions": models * versions,
                "rows": len(rows),
                "seconds": round(time.time() - started, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
