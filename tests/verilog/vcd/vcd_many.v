// VCD: more changes in one time step than the service ring holds (300 variables in generate
// blocks), and $dumpall/$dumpoff/$dumpon sections of that size.
module top;
    reg clk;
    genvar i;
    generate
        for (i = 0; i < 300; i = i + 1) begin : g
            reg [9:0] r;
            initial r = i;
            always @(posedge clk) r <= r + i;
        end
    endgenerate
    initial begin
        $dumpfile("vcd_many.vcd");
        $dumpvars(0, top);
        clk = 0;
        repeat (3) #5 clk = ~clk;
        $dumpall;
        #5 clk = ~clk;
        $dumpoff;
        #5 clk = ~clk;
        #5 clk = ~clk;
        $dumpon;
        #5 clk = ~clk;
        #5 $display("g[299].r=%0d", g[299].r);
        $finish;
    end
endmodule
