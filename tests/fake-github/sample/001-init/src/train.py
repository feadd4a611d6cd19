"""Train a random forest on the iris measurements."""
import json
import pickle
import sys

import pandas as pd
import yaml
from sklearn.ensemble import RandomForestClassifier

params = yaml.safe_load(open("params.yaml"))["train"]
data = pd.read_csv(sys.argv[1])
features, labels = data.drop(columns="species"), data["species"]

model = RandomForestClassifier(
    n_estimators=params["n_est"],
    max_depth=params["max_depth"],
    random_state=params["seed"],
)
model.fit(features, labels)
pickle.dump(model, open(sys.argv[2], "wb"))
