"""Demo data for the local MLflow server.

For every demo team: an experiment with a few runs of small real models trained
on one of scikit-learn's bundled data sets (no download), with parameters,
final metrics and metric history per training step; the models logged and
registered as versions of one registered model, with the aliases `champion`
(best) and `challenger` (second best), and team/project tags.

Idempotent: a team whose experiment carries the current seed revision tag is
skipped; a half-seeded team is cleaned and seeded again.

Run by `yarn platform seed` in the MLflow virtualenv with MLFLOW_TRACKING_URI set.
Lines starting with "seed: " are progress for the CLI.
"""

import argparse
import json
import os
import sys
import warnings

warnings.filterwarnings("ignore")

import mlflow  # noqa: E402
import mlflow.data  # noqa: E402
import mlflow.sklearn  # noqa: E402
import numpy as np  # noqa: E402
from mlflow import MlflowClient  # noqa: E402
from mlflow.entities import ViewType  # noqa: E402
from sklearn import datasets  # noqa: E402
from sklearn.ensemble import (  # noqa: E402
    GradientBoostingClassifier,
    GradientBoostingRegressor,
    RandomForestClassifier,
    RandomForestRegressor,
)
from sklearn.linear_model import SGDClassifier, SGDRegressor  # noqa: E402
from sklearn.metrics import (  # noqa: E402
    accuracy_score,
    f1_score,
    log_loss,
    mean_absolute_error,
    mean_squared_error,
    r2_score,
)
from sklearn.model_selection import train_test_split  # noqa: E402
from sklearn.pipeline import Pipeline  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402

TEAM_TAG = "ml-platform.io/team"
PROJECT_TAG = "ml-platform.io/project"
SEED_TAG = "ml-platform.io/seed-revision"
# Bump when the seeded content changes: teams seeded with an older revision are seeded again.
SEED_REVISION = "1"
RANDOM_STATE = 42
TRUSTED_TYPES = ["sklearn.tree._tree.Tree"]

LOADERS = {
    "iris": datasets.load_iris,
    "wine": datasets.load_wine,
    "diabetes": datasets.load_diabetes,
}
REGRESSION = {"diabetes"}


def say(message):
    print(f"seed: {message}", flush=True)


def load(dataset):
    data = LOADERS[dataset](as_frame=True)
    x_train, x_test, y_train, y_test = train_test_split(
        data.data, data.target, test_size=0.25, random_state=RANDOM_STATE
    )
    return data.frame, x_train, x_test, y_train, y_test


# Each candidate trains step by step and yields (step, metrics) so the run gets a metric history.


def sgd_classifier(alpha, epochs):
    def train(x_train, x_test, y_train, y_test):
        scaler = StandardScaler().fit(x_train)
        xs_train, xs_test = scaler.transform(x_train), scaler.transform(x_test)
        model = SGDClassifier(loss="log_loss", alpha=alpha, random_state=RANDOM_STATE)
        classes = np.unique(y_train)
        history = []
        for epoch in range(1, epochs + 1):
            model.partial_fit(xs_train, y_train, classes=classes)
            history.append(
                (
                    epoch,
                    {
                        "train_log_loss": log_loss(y_train, model.predict_proba(xs_train), labels=classes),
                        "val_accuracy": accuracy_score(y_test, model.predict(xs_test)),
                    },
                )
            )
        return Pipeline([("scale", scaler), ("model", model)]), history

    return {"model_type": "sgd-logistic-regression", "alpha": alpha, "epochs": epochs}, train


def forest_classifier(max_trees, max_depth):
    def train(x_train, x_test, y_train, y_test):
        model = RandomForestClassifier(
            n_estimators=0, max_depth=max_depth, warm_start=True, random_state=RANDOM_STATE
        )
        history = []
        for step, trees in enumerate(range(5, max_trees + 1, 5), start=1):
            model.set_params(n_estimators=trees)
            model.fit(x_train, y_train)
            history.append(
                (
                    step,
                    {
                        "n_trees": trees,
                        "val_accuracy": accuracy_score(y_test, model.predict(x_test)),
                    },
                )
            )
        return model, history

    return {"model_type": "random-forest", "max_trees": max_trees, "max_depth": max_depth}, train


def boosting_classifier(n_estimators, learning_rate):
    def train(x_train, x_test, y_train, y_test):
        model = GradientBoostingClassifier(
            n_estimators=n_estimators, learning_rate=learning_rate, max_depth=2, random_state=RANDOM_STATE
        ).fit(x_train, y_train)
        history = []
        for step, (proba, pred) in enumerate(
            zip(model.staged_predict_proba(x_test), model.staged_predict(x_test)), start=1
        ):
            history.append(
                (
                    step,
                    {
                        "train_deviance": float(model.train_score_[step - 1]),
                        "val_log_loss": log_loss(y_test, proba, labels=model.classes_),
                        "val_accuracy": accuracy_score(y_test, pred),
                    },
                )
            )
        return model, history

    return {
        "model_type": "gradient-boosting",
        "n_estimators": n_estimators,
        "learning_rate": learning_rate,
        "max_depth": 2,
    }, train


def sgd_regressor(alpha, epochs):
    def train(x_train, x_test, y_train, y_test):
        scaler = StandardScaler().fit(x_train)
        xs_train, xs_test = scaler.transform(x_train), scaler.transform(x_test)
        model = SGDRegressor(alpha=alpha, learning_rate="invscaling", eta0=0.01, random_state=RANDOM_STATE)
        history = []
        for epoch in range(1, epochs + 1):
            model.partial_fit(xs_train, y_train)
            history.append(
                (
                    epoch,
                    {
                        "train_rmse": rmse(y_train, model.predict(xs_train)),
                        "val_rmse": rmse(y_test, model.predict(xs_test)),
                    },
                )
            )
        return Pipeline([("scale", scaler), ("model", model)]), history

    return {"model_type": "sgd-linear-regression", "alpha": alpha, "epochs": epochs}, train


def forest_regressor(max_trees, max_depth):
    def train(x_train, x_test, y_train, y_test):
        model = RandomForestRegressor(
            n_estimators=0, max_depth=max_depth, warm_start=True, random_state=RANDOM_STATE
        )
        history = []
        for step, trees in enumerate(range(5, max_trees + 1, 5), start=1):
            model.set_params(n_estimators=trees)
            model.fit(x_train, y_train)
            history.append((step, {"n_trees": trees, "val_rmse": rmse(y_test, model.predict(x_test))}))
        return model, history

    return {"model_type": "random-forest", "max_trees": max_trees, "max_depth": max_depth}, train


def boosting_regressor(n_estimators, learning_rate):
    def train(x_train, x_test, y_train, y_test):
        model = GradientBoostingRegressor(
            n_estimators=n_estimators, learning_rate=learning_rate, max_depth=2, random_state=RANDOM_STATE
        ).fit(x_train, y_train)
        history = [
            (step, {"train_loss": float(model.train_score_[step - 1]), "val_rmse": rmse(y_test, pred)})
            for step, pred in enumerate(model.staged_predict(x_test), start=1)
        ]
        return model, history

    return {
        "model_type": "gradient-boosting",
        "n_estimators": n_estimators,
        "learning_rate": learning_rate,
        "max_depth": 2,
    }, train


def rmse(y_true, y_pred):
    return float(np.sqrt(mean_squared_error(y_true, y_pred)))


def candidates(dataset):
    if dataset in REGRESSION:
        return [sgd_regressor(1e-3, 30), forest_regressor(60, 6), boosting_regressor(80, 0.05)]
    return [sgd_classifier(1e-3, 25), forest_classifier(50, 4), boosting_classifier(40, 0.1)]


def final_metrics(dataset, model, x_test, y_test):
    pred = model.predict(x_test)
    if dataset in REGRESSION:
        return {
            "rmse": rmse(y_test, pred),
            "mae": float(mean_absolute_error(y_test, pred)),
            "r2": float(r2_score(y_test, pred)),
        }, "rmse", False
    return {
        "accuracy": float(accuracy_score(y_test, pred)),
        "f1_macro": float(f1_score(y_test, pred, average="macro")),
    }, "accuracy", True


def reset_team(client, spec, experiment):
    """Removes what an interrupted seed left behind, so the team is seeded from scratch."""
    try:
        client.get_registered_model(spec["registeredModel"])
        client.delete_registered_model(spec["registeredModel"])
    except mlflow.exceptions.MlflowException:
        pass
    if experiment is not None:
        for run in client.search_runs([experiment.experiment_id], run_view_type=ViewType.ACTIVE_ONLY):
            client.delete_run(run.info.run_id)


def seed_team(client, spec):
    team, project, dataset = spec["team"], spec["project"], spec["dataset"]
    tags = {TEAM_TAG: team, PROJECT_TAG: project}
    experiment = client.get_experiment_by_name(spec["experiment"])
    if experiment is not None and experiment.lifecycle_stage == "deleted":
        client.restore_experiment(experiment.experiment_id)
    if experiment is not None and experiment.tags.get(SEED_TAG) == SEED_REVISION:
        say(f"{team}: experiment {spec['experiment']} already seeded")
        return
    reset_team(client, spec, experiment)
    if experiment is None:
        experiment_id = client.create_experiment(spec["experiment"], tags=tags)
    else:
        experiment_id = experiment.experiment_id
        for key, value in tags.items():
            client.set_experiment_tag(experiment_id, key, value)
    client.set_experiment_tag(
        experiment_id,
        "mlflow.note.content",
        f"Demo experiment of the {team} team ({project}): scikit-learn models on the {dataset} data set.",
    )

    frame, x_train, x_test, y_train, y_test = load(dataset)
    results = []
    for params, train in candidates(dataset):
        run_name = f"{params['model_type']}-{dataset}"
        with mlflow.start_run(experiment_id=experiment_id, run_name=run_name, tags=tags) as run:
            mlflow.log_input(mlflow.data.from_pandas(frame, name=dataset), context="training")
            mlflow.log_params({**params, "dataset": dataset, "test_size": 0.25, "random_state": RANDOM_STATE})
            model, history = train(x_train, x_test, y_train, y_test)
            for step, metrics in history:
                mlflow.log_metrics(metrics, step=step)
            metrics, key, higher_is_better = final_metrics(dataset, model, x_test, y_test)
            mlflow.log_metrics(metrics)
            info = mlflow.sklearn.log_model(
                model,
                name="model",
                input_example=x_test.head(3),
                # skops refuses tree node storage unless trusted; these models were trained just now
                skops_trusted_types=TRUSTED_TYPES,
            )
            results.append((metrics[key], run.info.run_id, info, params))
            say(f"{team}: run {run_name} {key}={metrics[key]:.3f}")

    name = spec["registeredModel"]
    client.create_registered_model(
        name,
        tags=tags,
        description=f"{project} model of the {team} team, trained on scikit-learn's {dataset} data set.",
    )
    versions = []
    for score, run_id, info, params in results:
        version = client.create_model_version(
            name,
            info.model_uri,
            run_id=run_id,
            model_id=info.model_id,
            tags={**tags, "model_type": params["model_type"]},
            description=f"{params['model_type']} ({key}={score:.3f} on the held-out split)",
        )
        versions.append((score, version.version))
    # best first: aliases follow the ranking on the held-out metric
    versions.sort(key=lambda sv: sv[0], reverse=higher_is_better)
    client.set_registered_model_alias(name, "champion", versions[0][1])
    client.set_registered_model_alias(name, "challenger", versions[1][1])
    client.set_model_version_tag(name, versions[0][1], "validation_status", "approved")
    say(f"{team}: registered model {name} with {len(versions)} versions (champion v{versions[0][1]}, challenger v{versions[1][1]})")
    client.set_experiment_tag(experiment_id, SEED_TAG, SEED_REVISION)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--teams-json", required=True)
    args = parser.parse_args()
    if not os.environ.get("MLFLOW_TRACKING_URI"):
        sys.exit("MLFLOW_TRACKING_URI is not set")
    client = MlflowClient()
    for spec in json.loads(args.teams_json):
        seed_team(client, spec)
    say("done")


if __name__ == "__main__":
    main()
