// One activation that runs for seconds on one GPU thread: --dispatch-timeout-ms must stop it.
module long_launch;
    integer i;
    reg [31:0] acc;
    initial begin
        acc = 0;
        for (i = 0; i < 9000000; i = i + 1) acc = acc * 33 + i;
        $display("acc=%h", acc);
    end
endmodule
