// Case: gonode -p "<expr>": evaluates and prints the completion value.
