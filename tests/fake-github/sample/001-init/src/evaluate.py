"""Score the model on a held-out split and write metrics.json."""
import json
import pickle
import sys

import pandas as pd
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split

model = pickle.load(open(sys.argv[1], "rb"))
data = pd.read_csv(sys.argv[2])
_, test = train_test_split(data, test_size=0.3, random_state=0)
predicted = model.predict(test.drop(columns="species"))
json.dump(
    {
        "accuracy": round(accuracy_score(test["species"], predicted), 4),
        "f1": round(f1_score(test["species"], predicted, average="macro"), 4),
    },
    open("metrics.json", "w"),
    indent=2,
)
