// Case: gonode -pe "<expr>" x: -pe is --print --eval.
