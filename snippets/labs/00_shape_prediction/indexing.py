import numpy as np

from lacourse.universe import B, D, T, V, embedding_matrix

rng = np.random.default_rng(0)
E = embedding_matrix(D)  # (V, D)
tokens = rng.integers(0, V, size=(B, T))  # (B, T)
x = E[tokens]  # (B, T, D)

questions = {
    1: "E[tokens]",
    2: "x[0]",
    3: "x[:, -1]",
    4: "x[:, -1:]",
    5: "x[..., None]",
    6: "E[tokens[:, 0]]",
}
predictions = {}  # question number -> the shape you predict, in names: (B, T, D)
# --8<-- [start:solution]
predictions[1] = (B, T, D)  # an index array puts its own shape in place of the axis
predictions[2] = (T, D)  # an integer drops its axis
predictions[3] = (B, D)
predictions[4] = (B, 1, D)  # a slice keeps its axis, even of length 1
predictions[5] = (B, T, D, 1)  # None adds an axis of length 1
predictions[6] = (B, D)  # tokens[:, 0] has shape (B,)
# --8<-- [end:solution]

score = 0
print(f"{'#':>2}  {'expression':18s} {'shape':>16s}")
for number, expression in questions.items():
    actual = eval(expression).shape
    guess = predictions.get(number)
    score += guess == actual
    if guess is None:  # predict first, then look
        print(f"{number:>2}  {expression:18s} {'?':>16s}")
        continue
    verdict = "right" if guess == actual else f"wrong: you said {guess}"
    print(f"{number:>2}  {expression:18s} {str(actual):>16s}  {verdict}")
print(f"score: {score}/{len(questions)}")
