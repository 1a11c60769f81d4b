// An output port connected to a wider net is assigned as a continuous assignment: a signed
// port sign-extends, an unsigned one zero-extends (1364-2005 12.3.10).
module port_signed_output_extend;
    wire [15:0] s, u, sx;
    reg [7:0] v;
    src_signed a(s, v);
    src_unsigned b(u, v);
    src_signed c(sx, 8'bx0101010);
    initial begin
        v = 8'h85;
        #1 $display("%h %h %b", s, u, sx);
        v = 8'h05;
        #1 $display("%h %h", s, u);
    end
endmodule

module src_signed(output signed [7:0] o, input [7:0] i);
    assign o = i;
endmodule

module src_unsigned(output [7:0] o, input [7:0] i);
    assign o = i;
endmodule
