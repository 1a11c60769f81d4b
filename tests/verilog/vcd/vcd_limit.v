// VCD: $dumplimit stops the file once it is larger than the limit; $dumpflush.
module top;
    reg [15:0] count;
    reg clk;
    initial begin
        $dumpfile("vcd_limit.vcd");
        $dumpvars(0, top);
        $dumplimit(600);
        clk = 0;
        count = 0;
        repeat (60) begin
            #5 clk = ~clk;
            if (clk) count = count + 1;
            if (count == 3) $dumpflush;
        end
        $display("count=%0d", count);
        $finish;
    end
endmodule
