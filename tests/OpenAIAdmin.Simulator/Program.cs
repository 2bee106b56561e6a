// Placeholder entry point; the simulator is built out in tests/OpenAIAdmin.Simulator.
return 0;
