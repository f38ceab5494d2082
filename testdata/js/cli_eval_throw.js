// Case: gonode -e "throw new Error('from eval')": exit 1, error on stderr.
