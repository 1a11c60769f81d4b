// A batch instance must behave exactly like a single run with the same plusargs: each
// instance draws $random numbers from its own +seed and counts clock edges until +cycles.
module random_seeds;
    integer seed, cycles, i, acc;
    reg clk;
    initial clk = 0;
    always #5 clk = ~clk;
    initial begin
        if (!$value$plusargs("seed=%d", seed)) seed = 1;
        if (!$value$plusargs("cycles=%d", cycles)) cycles = 4;
        acc = 0;
        for (i = 0; i < cycles; i = i + 1) begin
            @(posedge clk);
            acc = acc ^ $random(seed);
            $display("%0t: acc=%h", $time, acc);
        end
        if ($test$plusargs("verbose")) $display("seed now %0d", seed);
        $finish;
    end
endmodule
