"""Train a random forest on the iris rows that evaluate.py does not hold out."""
import json
import pickle
import sys

import pandas as pd
import yaml
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

params = yaml.safe_load(open("params.yaml"))["train"]
data = pd.read_csv(sys.argv[1])
train, _ = train_test_split(data, test_size=0.3, random_state=0)
features, labels = train.drop(columns="species"), train["species"]

model = make_pipeline(StandardScaler(), RandomForestClassifier(
    n_estimators=params["n_est"],
    max_depth=params["max_depth"],
    random_state=params["seed"],
))
model.fit(features, labels)
pickle.dump(model, open(sys.argv[2], "wb"))
