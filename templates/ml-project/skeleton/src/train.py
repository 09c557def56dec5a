"""Trains a first model and records it in MLflow (run it with `mlflow run .`)."""

import argparse

import mlflow
from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--alpha", type=float, default=0.0001)
    args = parser.parse_args()

    features, labels = load_breast_cancer(return_X_y=True)
    train_x, test_x, train_y, test_y = train_test_split(
        features, labels, test_size=0.25, random_state=0
    )
    with mlflow.start_run():
        mlflow.log_param("alpha", args.alpha)
        model = SGDClassifier(alpha=args.alpha, random_state=0).fit(train_x, train_y)
        mlflow.log_metric("accuracy", accuracy_score(test_y, model.predict(test_x)))
        mlflow.sklearn.log_model(model, name="model")


if __name__ == "__main__":
    main()
