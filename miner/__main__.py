from miner.cli.main import main

main()
