// A small example: an 8-bit counter with a self-checking testbench.
`timescale 1ns/1ps

module counter #(parameter WIDTH = 8) (
    input  wire             clk,
    input  wire             rst,
    output reg  [WIDTH-1:0] count
);
    always @(posedge clk)
        if (rst) count <= {WIDTH{1'b0}};
        else     count <= count + 1'b1;
endmodule

module counter_tb;
    reg clk = 0, rst = 1;
    wire [7:0] count;

    counter #(.WIDTH(8)) dut (.clk(clk), .rst(rst), .count(count));

    always #5 clk = ~clk;

    initial begin
        #12 rst = 0;
        #100;
        $display("count = %0d at %0t", count, $time);
        if (count == 8'd10) $display("PASSED");
        else $display("FAILED");
        $finish;
    end
endmodule
